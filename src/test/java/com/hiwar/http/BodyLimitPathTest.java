package com.hiwar.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hiwar.support.Api;
import com.hiwar.support.Db;
import com.hiwar.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Security review finding 7: the larger admin upload limit cannot be borrowed by another route
 * through dot segments, encoded dots, or a chunked body: the limit is decided on the path
 * routing uses.
 */
@QuarkusTest
class BodyLimitPathTest {

    private static final String BIG_BODY = "{\"body\": \"" + "ا".repeat(100_000) + "\"}"; // ~200 KB

    /** Sends the request exactly as written (no client normalizes the path) and returns the status line and body. */
    private static String send(String target, String token, boolean chunked) throws Exception {
        byte[] body = BIG_BODY.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            String head = "POST " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nConnection: close\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n\r\n" : "Content-Length: " + body.length + "\r\n\r\n");
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            try {
                if (chunked) {
                    for (int i = 0; i < body.length; i += 8192) {
                        int n = Math.min(8192, body.length - i);
                        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(body, i, n);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } else {
                    out.write(body);
                }
                out.flush();
            } catch (java.io.IOException closedEarly) {
                // The server may answer 413 and close before the whole body is sent.
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            return response.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void dotSegmentsAndEncodedDotsDoNotReachTheAdminLimit() throws Exception {
        String token = Tokens.reader(Tokens.newSubject());
        String article = Api.newArticle();
        for (String path : List.of("/api/v1/admin/../articles/" + article + "/comments",
                "/api/v1/admin/%2e%2e/articles/" + article + "/comments",
                "/api/v1/admin/%2E%2E/articles/" + article + "/comments",
                "/api/v1/admin/wordlists/../../articles/" + article + "/comments")) {
            for (boolean chunked : List.of(false, true)) {
                String response = send(path, token, chunked);
                assertTrue(response.startsWith("HTTP/1.1 413"), path + (chunked ? " chunked" : "") + ": " + response.lines().findFirst().orElse(""));
                assertTrue(response.contains("application/problem+json"), response);
            }
        }
        assertEquals(0L, ((Number) Db.scalar("select count(*) from comments where article_id = ?1", article)).longValue());
    }

    @Test
    void theWordListUploadKeepsItsLargerLimit() {
        String admin = Tokens.admin(Tokens.newSubject());
        String big = "كلمة\n".repeat(25_000); // ~250 KB
        // A stale If-Match: the body passes the limit and is read, then the write is refused and nothing changes.
        io.restassured.RestAssured.given().header("Authorization", "Bearer " + admin).header("If-Match", "\"999999999\"")
                .contentType("text/plain; charset=UTF-8").body(big.getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/admin/wordlists/suspect").then().statusCode(412);
    }
}

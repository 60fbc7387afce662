package com.hiwar.widget;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hiwar.http.StaticAssets;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The embeddable widget and the listing-page counter, as publishers load them:
 * {@code <script src="https://comments.example/embed.js" async>}. The stylesheet is inlined
 * into the script (adopted by its Shadow DOM), so embedding costs one request.
 */
@Path("/")
@Tag(name = "Widget")
public class WidgetResource {

    static final String CACHE = "public, max-age=300, stale-while-revalidate=86400";

    @Inject
    ObjectMapper json;

    @GET
    @Path("embed.js")
    @PermitAll
    @Operation(summary = "The comment widget: mounts on #hiwar-comments, or through Hiwar.mount(el, options)")
    public Response embed(@Context HttpHeaders headers) {
        return StaticAssets.serve(headers, "widget/hiwar.js", CACHE,
                js -> js.replace("__HIWAR_CSS__", jsonString(StaticAssets.read("widget/hiwar.css"))));
    }

    @GET
    @Path("count.js")
    @PermitAll
    @Operation(summary = "Fills every data-hiwar-count element with its article's comment count")
    public Response count(@Context HttpHeaders headers) {
        return StaticAssets.serve(headers, "widget/count.js", CACHE);
    }

    private String jsonString(String text) {
        try {
            return json.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.hiwar.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar as its own process on a free port: one instance of a deployment, which a
 * test can start several of, kill with SIGKILL, and start again.
 */
public final class JarInstance implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final int port;
    private final int managementPort;
    private final File log;
    private final String name;
    private final Map<String, String> settings;

    private JarInstance(Process process, int port, int managementPort, File log, String name, Map<String, String> settings) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
        this.name = name;
        this.settings = settings;
    }

    /** Starts the jar with these settings (as -D options) and waits until it is ready. */
    public static JarInstance start(String name, Map<String, String> settings) throws Exception {
        return start(name, settings, freePort(), freePort());
    }

    /** The same instance started again on its ports (after it stopped), as a restarted pod behind a balancer. */
    public JarInstance restart() throws Exception {
        return start(name, settings, port, managementPort);
    }

    public static JarInstance start(String name, Map<String, String> settings, int port, int managementPort) throws Exception {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(options(settings, port, managementPort, List.of()));
        command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        return run(name, settings, port, managementPort, new ProcessBuilder(command));
    }

    /**
     * As production starts it: through {@code deploy/run.sh} (deploy/jvm.options, the class-data
     * archive), the settings and {@code jvmOptions} in {@code JAVA_OPTS} (so no spaces in them),
     * and this environment added.
     */
    public static JarInstance launch(String name, Map<String, String> settings, Map<String, String> environment,
                                     List<String> jvmOptions) throws Exception {
        int port = freePort();
        int managementPort = freePort();
        ProcessBuilder builder = new ProcessBuilder("deploy/run.sh");
        builder.environment().putAll(environment);
        builder.environment().put("JAVA_OPTS", String.join(" ", options(settings, port, managementPort, jvmOptions)));
        return run(name, settings, port, managementPort, builder);
    }

    private static List<String> options(Map<String, String> settings, int port, int managementPort, List<String> jvmOptions) {
        List<String> options = new ArrayList<>(List.of("-Xmx256m", "-Dquarkus.http.port=" + port, "-Dquarkus.management.port=" + managementPort));
        options.addAll(jvmOptions);
        settings.forEach((k, v) -> options.add("-D" + k + "=" + v));
        return options;
    }

    private static JarInstance run(String name, Map<String, String> settings, int port, int managementPort, ProcessBuilder builder)
            throws Exception {
        FreshDatabase.ensureServices();
        File log = new File("target/" + name + ".log");
        Process process = builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        JarInstance instance = new JarInstance(process, port, managementPort, log, name, Map.copyOf(settings));
        instance.awaitReady();
        return instance;
    }

    /** The running process' command line, as the operating system has it (deploy/run.sh execs java, or runs it as its child). */
    public List<String> commandLine() {
        return process.info().arguments().map(List::of).orElse(List.of());
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    public String base() {
        return "http://localhost:" + port;
    }

    /** Health, metrics and OpenAPI. */
    /** Posts a comment on this instance as the token's reader; its id. */
    public long post(String token, String article, String body) {
        return io.restassured.RestAssured.given().baseUri(base()).header("Authorization", "Bearer " + token)
                .contentType("application/json").body(Map.of("body", body)).post("/api/v1/articles/{a}/comments", article)
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public String management() {
        return "http://localhost:" + managementPort;
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the jar exited; see " + log);
            }
            try {
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(management() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the jar did not become ready; see " + log);
    }

    /** SIGTERM, as a platform stopping the instance; returns at once while the jar drains. */
    public void terminate() {
        process.destroy();
    }

    /** Waits for the process to end; its exit code, or null if it is still running after the timeout. */
    public Integer awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    public File log() {
        return log;
    }

    /** The log's WARN and ERROR lines, for a failure's message: CI shows the message, not the log files. */
    public String warnings() {
        try (var lines = java.nio.file.Files.lines(log.toPath())) {
            return String.join("\n", lines.filter(l -> l.contains(" WARN ") || l.contains(" ERROR ")).toList());
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    public int port() {
        return port;
    }

    public int managementPort() {
        return managementPort;
    }

    /** SIGKILL: no shutdown hooks, no graceful drain, as in a crash. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            kill();
        }
    }
}

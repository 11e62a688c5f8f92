package org.govpaas.runtime.contract;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The app the contract suite deploys: a tiny HTTP server with no dependencies beyond the JDK, so
 * that {@link TestAppJar} can package it as an executable jar and any runtime can run it.
 *
 * <p>It honours the environment contract of {@link AbstractAppRuntimeContractTest}: it listens on
 * {@code PORT} and reads {@code GOVPAAS_INSTANCE_INDEX}. What it does is chosen by
 * {@value #BEHAVIOUR} (see {@link Behaviour}). Endpoints:
 * <ul>
 *   <li>{@code GET <TESTAPP_READINESS_PATH>} (default {@code /ready}): 200 {@code ready}</li>
 *   <li>{@code GET /env/{NAME}}: the value of that environment variable, 404 when unset</li>
 *   <li>{@code GET /log/{text}}: prints {@code text} to standard output (to check log capture)</li>
 *   <li>{@code GET /probe}: tries to write a file at {@value #PROBE_PATH} and answers
 *       {@code written} or {@code denied: <why>} (to check a sandbox)</li>
 * </ul>
 */
public final class TestApp {

    public static final String BEHAVIOUR = "TESTAPP_BEHAVIOUR";
    /** The instance index {@link Behaviour#FAIL_ONE_INSTANCE} fails for (default 2). */
    public static final String FAILING_INSTANCE = "TESTAPP_FAILING_INSTANCE";
    /** How long {@link Behaviour#SLOW_START} waits before listening, in milliseconds (default 3000). */
    public static final String START_DELAY_MS = "TESTAPP_START_DELAY_MS";
    public static final String READINESS_PATH = "TESTAPP_READINESS_PATH";
    public static final String PROBE_PATH = "TESTAPP_PROBE_PATH";
    /** The exit code of {@link Behaviour#EXIT_AT_START}, so a test can find it in a failure reason. */
    public static final int EXIT_CODE = 3;

    public enum Behaviour {
        /** Starts at once and stays ready. */
        HEALTHY,
        /** Prints a line and exits with {@link #EXIT_CODE} before listening. */
        EXIT_AT_START,
        /** Exits like {@link #EXIT_AT_START} only in the instance whose index is {@value #FAILING_INSTANCE}. */
        FAIL_ONE_INSTANCE,
        /** Waits {@value #START_DELAY_MS} before listening, like a big app booting. */
        SLOW_START
    }

    private TestApp() {
    }

    public static void main(String[] args) throws Exception {
        Behaviour behaviour = Behaviour.valueOf(env(BEHAVIOUR, Behaviour.HEALTHY.name()));
        String index = env("GOVPAAS_INSTANCE_INDEX", "?");
        System.out.println("test app instance " + index + " starting as " + behaviour);
        if (behaviour == Behaviour.EXIT_AT_START
                || (behaviour == Behaviour.FAIL_ONE_INSTANCE && index.equals(env(FAILING_INSTANCE, "2")))) {
            System.err.println("test app instance " + index + " exits with code " + EXIT_CODE + " as asked");
            System.exit(EXIT_CODE);
        }
        if (behaviour == Behaviour.SLOW_START) {
            Thread.sleep(Long.parseLong(env(START_DELAY_MS, "3000")));
        }
        int port = Integer.parseInt(System.getenv("PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        String readinessPath = env(READINESS_PATH, "/ready");
        server.createContext("/", exchange -> handle(exchange, readinessPath));
        server.start();
        System.out.println("test app instance " + index + " listening on 127.0.0.1:" + port);
    }

    private static void handle(HttpExchange exchange, String readinessPath) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals(readinessPath)) {
            answer(exchange, 200, "ready");
        } else if (path.startsWith("/env/")) {
            String value = System.getenv(path.substring("/env/".length()));
            answer(exchange, value == null ? 404 : 200, value == null ? "unset" : value);
        } else if (path.startsWith("/log/")) {
            System.out.println(path.substring("/log/".length()));
            answer(exchange, 200, "logged");
        } else if (path.equals("/probe")) {
            answer(exchange, 200, probe());
        } else {
            answer(exchange, 404, "not found");
        }
    }

    private static String probe() {
        String target = System.getenv(PROBE_PATH);
        if (target == null) {
            return "denied: " + PROBE_PATH + " is not set";
        }
        try {
            Files.writeString(Path.of(target), "written by the test app");
            return "written";
        } catch (IOException | RuntimeException e) {
            return "denied: " + e;
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

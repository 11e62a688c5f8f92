package org.govpaas.platform.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * A real app instance on a free loopback port: it records every request exactly as it arrived
 * and answers 201 with its own name, a header and two cookies (one of them the platform's). A
 * request for a path ending in {@code /held} gets its answer only after {@link #releaseHeld()},
 * as from an app that hangs. A path given a page ({@link #page}) is answered with that HTML.
 */
final class TestInstance implements AutoCloseable {

    record Received(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> String.join(",", e.getValue())).findFirst().orElse(null);
        }
    }

    final String name;
    final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch held = new CountDownLatch(1);
    private final Map<String, String> pages = new ConcurrentHashMap<>();
    private final HttpServer server;

    private TestInstance(String name) throws IOException {
        this.name = name;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::answer);
        server.start();
    }

    static final String VERSION = "\"v1\"";

    static TestInstance start(String name) throws IOException {
        return new TestInstance(name);
    }

    /** An address where nothing listens: connecting to it is refused. */
    static URI refusing() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** From now on, answers a request for {@code rawPath} with 200 and this HTML (an app's own page). */
    TestInstance page(String rawPath, String html) {
        pages.put(rawPath, html);
        return this;
    }

    /** Answers every request held so far and from now on. */
    void releaseHeld() {
        held.countDown();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body));
        if (exchange.getRequestURI().getRawPath().endsWith("/held")) {
            try {
                held.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.close();
                return;
            }
        }
        String page = pages.get(exchange.getRequestURI().getRawPath());
        if (page != null) {
            byte[] html = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, html.length);
            exchange.getResponseBody().write(html);
            exchange.close();
            return;
        }
        byte[] answer = ("served by " + name).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("X-Instance", name);
        exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
        exchange.getResponseHeaders().add("Set-Cookie", "APP_SESSION=" + name + "; Path=/apps/; HttpOnly");
        exchange.getResponseHeaders().add("Set-Cookie", "GOVPAAS_SESSION=forged-by-app; Path=/");
        if (exchange.getRequestURI().getRawPath().endsWith("/versioned")) {
            // A page with a version tag: a browser that has it asks again with If-None-Match.
            exchange.getResponseHeaders().add("ETag", VERSION);
            exchange.sendResponseHeaders(200, answer.length);
        } else {
            exchange.sendResponseHeaders(201, answer.length);
        }
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    @Override
    public void close() {
        releaseHeld();
        server.stop(0);
    }
}

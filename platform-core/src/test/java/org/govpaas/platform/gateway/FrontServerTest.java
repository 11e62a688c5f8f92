package org.govpaas.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.PortInUseException;

/**
 * The front server on the public port, with raw connections: what browsers and proxies send that
 * an HTTP client library would not, and the rules it applies before the platform's server does.
 */
class FrontServerTest extends GatewayTestSupport {

    TestInstance first;
    TestInstance second;

    @BeforeEach
    void startInstances() throws Exception {
        first = TestInstance.start("first");
        second = TestInstance.start("second");
        directory.put(running("civil-affairs", "notices", first.uri()));
        directory.put(running("health", "clinic", second.uri()));
    }

    @AfterEach
    void stopInstances() {
        first.close();
        second.close();
    }

    @Test
    void requestsSentTogetherOnOneConnectionAreAnsweredInTheirOrder() throws Exception {
        String answers = exchange("GET /apps/civil-affairs/notices/one HTTP/1.1\r\nHost: localhost\r\n\r\n"
                + "GET /apps/nobody/nothing/ HTTP/1.1\r\nHost: localhost\r\n\r\n"
                + "GET /apps/health/clinic/two HTTP/1.1\r\nHost: localhost\r\n\r\n"
                + "POST /apps/civil-affairs/notices/three HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n\r\nx=1&y"
                + "GET /apps/health/clinic/four HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(statuses(answers)).containsExactly("201", "404", "201", "201", "201");
        int firstAnswer = answers.indexOf("served by first");
        int notFound = answers.indexOf("HTTP/1.1 404");
        int secondAnswer = answers.indexOf("served by second");
        assertThat(firstAnswer).isPositive().isLessThan(notFound);
        assertThat(notFound).isLessThan(secondAnswer);
        assertThat(answers.lastIndexOf("served by first")).isGreaterThan(secondAnswer)
                .isLessThan(answers.lastIndexOf("served by second"));
        assertThat(first.received).extracting(TestInstance.Received::rawPath)
                .containsExactly("/apps/civil-affairs/notices/one", "/apps/civil-affairs/notices/three");
        assertThat(first.received.get(1).body()).isEqualTo("x=1&y");
        assertThat(second.received).extracting(TestInstance.Received::rawPath)
                .containsExactly("/apps/health/clinic/two", "/apps/health/clinic/four");
    }

    @Test
    void anInterimAnswerDoesNotTakeTheNextRequestsPlace() throws Exception {
        // A HEAD pipelined behind a body sent with Expect: 100-continue: the interim answer belongs
        // to the post, so the post's final answer keeps its body and the HEAD's has none.
        String answers = exchange("POST /apps/civil-affairs/notices/form HTTP/1.1\r\nHost: localhost\r\n"
                + "Expect: 100-continue\r\nContent-Length: 5\r\n\r\nx=1&y"
                + "HEAD /apps/civil-affairs/notices/page HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(statuses(answers)).containsExactly("100", "201", "201");
        int headAnswer = answers.lastIndexOf("HTTP/1.1 201");
        assertThat(answers.indexOf("served by first")).isPositive().isLessThan(headAnswer);
        assertThat(answers.substring(headAnswer)).doesNotContain("served by first");
        assertThat(first.received).extracting(TestInstance.Received::method).containsExactly("POST", "HEAD");
    }

    @Test
    void anHttp10ClientGetsItsAnswerAndTheEndOfTheConnection() throws Exception {
        for (String request : List.of("GET /apps/civil-affairs/notices/ HTTP/1.0\r\n\r\n",
                "GET /apps/civil-affairs/notices/ HTTP/1.0\r\nHost: localhost\r\n\r\n")) {
            String answer = exchange(request); // returns at the end of the connection only

            assertThat(answer).startsWith("HTTP/1.1 201").endsWith("served by first");
        }
        assertThat(first.received).hasSize(2);
    }

    /**
     * Behind a TLS proxy on the platform's machine or network, page requests keep the front
     * server's path, and the app learns of the citizen what the platform's server resolves from the
     * same headers (its RemoteIpValve): each case goes once as a page request (the front server
     * forwards it) and once as a form post (the platform's server forwards it). Forwarded values of
     * a shape the front server leaves to the platform's server are in the table too.
     */
    @Test
    void behindATrustedProxyTheAppLearnsWhatThePlatformsServerResolves() throws Exception {
        String local = "127.0.0.1:" + port;
        record Case(List<String> headers, String forwardedFor, String proto, String host, String port) {
        }
        List<Case> cases = List.of(
                new Case(List.of("X-Forwarded-For", "203.0.113.9"), "203.0.113.9", "http", local, "" + port),
                new Case(List.of("X-Forwarded-For", "198.51.100.7,203.0.113.9 ,  10.0.0.2, 192.168.1.1"),
                        "203.0.113.9", "http", local, "" + port),
                new Case(List.of("X-Forwarded-For", "10.0.0.3, 192.168.1.1"), "10.0.0.3", "http", local, "" + port),
                new Case(List.of("X-Forwarded-Proto", "https"), "127.0.0.1", "https", "127.0.0.1", "443"),
                new Case(List.of("X-Forwarded-Proto", "HTTPS", "X-Forwarded-For", "203.0.113.9",
                        "X-Forwarded-Host", "city.example.gov"), "203.0.113.9", "https", "city.example.gov", "443"),
                new Case(List.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "city.example.gov:8443",
                        "X-Forwarded-Port", "8443"), "127.0.0.1", "https", "city.example.gov:8443", "8443"),
                new Case(List.of("X-Forwarded-Proto", "http", "X-Forwarded-Port", "8081"),
                        "127.0.0.1", "http", "127.0.0.1:8081", "8081"),
                new Case(List.of("X-Forwarded-Host", "city.example.gov"), "127.0.0.1", "http",
                        "city.example.gov:" + port, "" + port),
                new Case(List.of("X-Forwarded-For", "unknown, 203.0.113.9"), "203.0.113.9", "http", local, "" + port),
                // Left to the platform's server:
                new Case(List.of("X-Forwarded-Port", "8443"), null, null, null, null),
                new Case(List.of("X-Forwarded-For", "2001:db8::7"), null, null, null, null),
                new Case(List.of("X-Forwarded-Proto", "https, http"), null, null, null, null),
                new Case(List.of("X-Forwarded-For", "203.0.113.9", "X-Forwarded-For", "198.51.100.7"),
                        null, null, null, null));

        for (Case c : cases) {
            first.received.clear();
            String[] headers = c.headers().toArray(String[]::new);
            send(request("/apps/civil-affairs/notices/page").headers(headers));
            send(request("/apps/civil-affairs/notices/form").headers(headers).POST(
                    BodyPublishers.ofString("x=1")));

            assertThat(first.received).hasSize(2);
            TestInstance.Received page = first.received.get(0);
            TestInstance.Received form = first.received.get(1);
            for (String header : List.of("X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host", "X-Forwarded-Port")) {
                assertThat(page.header(header)).as(header + " for " + c.headers()).isEqualTo(form.header(header));
            }
            if (c.forwardedFor() != null) {
                assertThat(List.of(page.header("X-Forwarded-For"), page.header("X-Forwarded-Proto"),
                        page.header("X-Forwarded-Host"), page.header("X-Forwarded-Port"))).as("for " + c.headers())
                        .containsExactly(c.forwardedFor(), c.proto(), c.host(), c.port());
            }
        }
    }

    /**
     * Page requests from a trusted proxy take the front server's path: waiting for a hung app, they
     * hold none of the platform's connections to it, so every one of them reaches the app (the
     * platform's server keeps at most {@link GatewayConfiguration#MAX_CONNECTIONS_PER_INSTANCE}).
     */
    @Test
    void pageRequestsFromATrustedProxyWaitingForAHungAppHoldNoneOfThePlatformsConnections() throws Exception {
        directory.put(running("housing", "hung", first.uri()));
        int pages = GatewayConfiguration.MAX_CONNECTIONS_PER_INSTANCE + 10;
        List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
        for (int i = 0; i < pages; i++) {
            held.add(CLIENT.sendAsync(request("/apps/housing/hung/held").header("X-Forwarded-For", "203.0.113.9")
                    .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString()));
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> first.received.size() == pages);
        first.releaseHeld();
        for (CompletableFuture<HttpResponse<String>> response : held) {
            assertThat(response.get(60, TimeUnit.SECONDS).body()).isEqualTo("served by first");
        }
        assertThat(first.received).extracting(received -> received.header("X-Forwarded-For")).containsOnly("203.0.113.9");
    }

    @Test
    void headersLargerThanThePlatformTakesAreRefusedBeforeAnyAppSeesThem() throws Exception {
        String answer = exchange("GET /apps/civil-affairs/notices/ HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                + "a".repeat(FrontServer.MAX_HEADER_BYTES) + "\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 431");
        assertThat(first.received).isEmpty();
    }

    @Test
    void aPathThePlatformsFirewallWouldRefuseNeverReachesTheApp() throws Exception {
        for (String path : List.of("/apps/civil-affairs/notices/a%2Fb", "/apps/civil-affairs/notices/a;jsessionid=x",
                "/apps/civil-affairs/notices/%2e%2e/x", "/apps/civil-affairs/notices/a%5Cb",
                "/apps/civil-affairs/notices/%E2%80%A8")) {
            String answer = exchange("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

            assertThat(statuses(answer)).as(path).containsExactly("400");
        }
        assertThat(first.received).isEmpty();
    }

    @Test
    void aHeaderWithAControlCharacterNeverReachesTheApp() throws Exception {
        String answer = exchange("GET /apps/civil-affairs/notices/ HTTP/1.1\r\nHost: localhost\r\nX-Note: a\u0085b\r\n"
                + "Connection: close\r\n\r\n");

        assertThat(statuses(answer)).containsExactly("400");
        assertThat(first.received).isEmpty();
    }

    @Test
    void aBodyCannotPassForARequestOfItsOwn() throws Exception {
        // Naming the framing in Connection must not strip it on the way to the platform's server,
        // or the body would reach it as a second request, from the trusted loopback address.
        String smuggled = "GET /apps/health/clinic/smuggled HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Forwarded-For: 6.6.6.6\r\n\r\n";
        String answers = exchange("POST /apps/civil-affairs/notices/form HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: Content-Length, close\r\nContent-Length: " + smuggled.length() + "\r\n\r\n" + smuggled);

        assertThat(statuses(answers)).containsExactly("201");
        assertThat(first.received).singleElement().extracting(TestInstance.Received::body).isEqualTo(smuggled);
        assertThat(second.received).isEmpty();
    }

    @Test
    void aBrokenChunkedBodyIsRefusedAndNeverReachesTheAppAsComplete() throws Exception {
        String answer = exchange("POST /apps/civil-affairs/notices/form HTTP/1.1\r\nHost: localhost\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\nZZ\r\nmore\r\n0\r\n\r\n");

        assertThat(statuses(answer)).containsExactly("400");
        assertThat(first.received).isEmpty();
    }

    @Test
    void anAnswerGivenBeforeTheBodyWasSentLeavesTheConnectionToTheClientsNextRequest() throws Exception {
        // The platform's server redirects an app address without its slash without reading the
        // body; the client is still sending it. Closing with the body unread would reset the
        // connection under the client, which then may lose the answer; closing once the body is in
        // would break the client's next request, sent on a connection the answer said was kept (and
        // a client does not send a POST again on another).
        int length = 4 * 1024 * 1024;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            CompletableFuture<Void> upload = CompletableFuture.runAsync(() -> {
                try {
                    out.write(("POST /apps/civil-affairs/notices HTTP/1.1\r\nHost: localhost\r\nContent-Length: "
                            + length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    byte[] chunk = new byte[16 * 1024];
                    java.util.Arrays.fill(chunk, (byte) 'x');
                    for (int sent = 0; sent < length; sent += chunk.length) {
                        out.write(chunk);
                    }
                    out.write(("GET /apps/civil-affairs/notices/next HTTP/1.1\r\nHost: localhost\r\n"
                            + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            ByteArrayOutputStream answers = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(answers); // to the end of the connection

            assertThat(statuses(answers.toString(StandardCharsets.ISO_8859_1))).containsExactly("308", "201");
            assertThat(answers.toString(StandardCharsets.ISO_8859_1))
                    .contains("Location: /apps/civil-affairs/notices/").contains("served by first");
            upload.get(20, TimeUnit.SECONDS); // the whole body went out, without a reset
        }
        assertThat(first.received).extracting(TestInstance.Received::rawPath)
                .containsExactly("/apps/civil-affairs/notices/next");
    }

    /**
     * An app that switches protocols although nobody asked (the fast path passes no Upgrade on),
     * then streams: the citizen gets 502 at once, and the platform stops reading the app.
     */
    @Test
    void aSwitchOfProtocolsNobodyAskedForIsABadAnswer() throws Exception {
        try (RawApp app = new RawApp("HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\nConnection: Upgrade\r\n\r\n",
                true)) {
            directory.put(running("health", "switcher", app.uri()));
            String answer = exchange("GET /apps/health/switcher/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

            assertThat(statuses(answer)).containsExactly("502");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(app.closedByPeer).as("the platform closed its connection to the app").isTrue());
        }
    }

    /** Trailers would reach the browser without the rules every other header of an app's answer passes. */
    @Test
    void anAppsTrailersStayBehind() throws Exception {
        try (RawApp app = new RawApp("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n"
                + "Trailer: Set-Cookie\r\n\r\n5\r\nhello\r\n0\r\nSet-Cookie: GOVPAAS_SESSION=planted; Path=/\r\n\r\n",
                false)) {
            directory.put(running("health", "trailers", app.uri()));
            String answer = exchange("GET /apps/health/trailers/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

            assertThat(statuses(answer)).containsExactly("200");
            assertThat(answer).contains("hello").doesNotContain("planted");
        }
    }

    /** An app on a raw socket that sends its answer's bytes as given, then streams or holds. */
    private static final class RawApp implements AutoCloseable {
        private final java.net.ServerSocket server = new java.net.ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        volatile boolean closedByPeer;

        RawApp(String answer, boolean streamAfter) throws IOException {
            Thread.ofVirtual().start(() -> {
                try (Socket socket = server.accept()) {
                    java.io.InputStream in = socket.getInputStream();
                    String head = "";
                    while (!head.endsWith("\r\n\r\n")) {
                        int b = in.read();
                        if (b < 0) {
                            return;
                        }
                        head += (char) b;
                    }
                    OutputStream out = socket.getOutputStream();
                    out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    byte[] noise = new byte[16 * 1024];
                    while (streamAfter) {
                        out.write(noise); // fails once the platform has closed the connection
                        out.flush();
                        Thread.sleep(10);
                    }
                    in.read();
                } catch (IOException e) {
                    closedByPeer = true;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }

        java.net.URI uri() {
            return java.net.URI.create("http://127.0.0.1:" + server.getLocalPort());
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    @Test
    void aSecondServerOnThePlatformsPortIsToldThePortIsInUse() {
        assertThatThrownBy(() -> new FrontServer(InetAddress.getLoopbackAddress(), port,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 1), null, Duration.ofSeconds(60)))
                .isInstanceOf(PortInUseException.class);
    }
}

package org.govpaas.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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
    void anHttp10ClientGetsItsAnswerAndTheEndOfTheConnection() throws Exception {
        for (String request : List.of("GET /apps/civil-affairs/notices/ HTTP/1.0\r\n\r\n",
                "GET /apps/civil-affairs/notices/ HTTP/1.0\r\nHost: localhost\r\n\r\n")) {
            String answer = exchange(request); // returns at the end of the connection only

            assertThat(answer).startsWith("HTTP/1.1 201").endsWith("served by first");
        }
        assertThat(first.received).hasSize(2);
    }

    @Test
    void aCitizenBehindATrustedProxyIsKnownByTheAddressTheProxyGives() throws Exception {
        // The tests connect from 127.0.0.1, one of the platform's internal proxies by default.
        send(request("/apps/civil-affairs/notices/").header("X-Forwarded-For", "203.0.113.9")
                .header("X-Forwarded-Proto", "https"));

        assertThat(first.received).hasSize(1);
        assertThat(first.received.get(0).header("X-Forwarded-For")).isEqualTo("203.0.113.9");
        assertThat(first.received.get(0).header("X-Forwarded-Proto")).isEqualTo("https");
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

    @Test
    void aSecondServerOnThePlatformsPortIsToldThePortIsInUse() {
        assertThatThrownBy(() -> new FrontServer(InetAddress.getLoopbackAddress(), port,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 1), null))
                .isInstanceOf(PortInUseException.class);
    }
}

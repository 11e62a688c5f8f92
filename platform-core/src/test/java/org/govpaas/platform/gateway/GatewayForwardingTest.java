package org.govpaas.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What an app instance receives through the gateway, and what the citizen gets back. */
class GatewayForwardingTest extends GatewayTestSupport {

    TestInstance first;
    TestInstance second;

    @BeforeEach
    void startInstances() throws Exception {
        first = TestInstance.start("first");
        second = TestInstance.start("second");
    }

    @AfterEach
    void stopInstances() {
        first.close();
        second.close();
    }

    @Test
    void forwardsMethodPathQueryAndBodyUnchangedAndReturnsTheAnswer() throws Exception {
        directory.put(running("civil-affairs", "notices", first.uri()));

        HttpResponse<String> response = send(request("/apps/civil-affairs/notices/board/items?q=a%2Bb&tag=%E6%B0%91&tag=2&flag")
                .method("PUT", BodyPublishers.ofString("{\"title\":\"停水通知\"}"))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("X-Custom", "kept"));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("served by first");
        assertThat(response.headers().firstValue("X-Instance")).hasValue("first");
        TestInstance.Received received = first.received.getFirst();
        assertThat(received.method()).isEqualTo("PUT");
        assertThat(received.rawPath()).isEqualTo("/apps/civil-affairs/notices/board/items");
        assertThat(received.rawQuery()).isEqualTo("q=a%2Bb&tag=%E6%B0%91&tag=2&flag");
        assertThat(received.body()).isEqualTo("{\"title\":\"停水通知\"}");
        assertThat(received.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(received.header("X-Custom")).isEqualTo("kept");
    }

    @Test
    void forwardsAFormPostWithItsFields() throws Exception {
        directory.put(running("civil-affairs", "notices", first.uri()));

        HttpResponse<String> response = send(request("/apps/civil-affairs/notices/comments?lang=en")
                .POST(BodyPublishers.ofString("name=%E5%BC%A0%E4%B8%89&text=a%2Bb+c"))
                .header("Content-Type", "application/x-www-form-urlencoded"));

        assertThat(response.statusCode()).isEqualTo(201);
        TestInstance.Received received = first.received.getFirst();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.rawQuery()).isEqualTo("lang=en");
        assertThat(received.body()).isEqualTo("name=%E5%BC%A0%E4%B8%89&text=a%2Bb+c");
    }

    @Test
    void aBodyKeepsItsLengthAndARequestWithoutOneGetsNone() throws Exception {
        directory.put(running("civil-affairs", "notices", first.uri()));

        get("/apps/civil-affairs/notices/");
        send(request("/apps/civil-affairs/notices/comments").POST(BodyPublishers.ofString("text=%E5%A5%BD"))
                .header("Content-Type", "application/x-www-form-urlencoded"));

        TestInstance.Received plain = first.received.get(0);
        assertThat(plain.header("Transfer-Encoding")).isNull(); // not an empty chunked body
        assertThat(plain.header("Content-Length")).isNull();
        assertThat(plain.body()).isEmpty();
        TestInstance.Received form = first.received.get(1);
        assertThat(form.header("Content-Length")).isEqualTo("14");
        assertThat(form.header("Transfer-Encoding")).isNull();
        assertThat(form.body()).isEqualTo("text=%E5%A5%BD");
    }

    @Test
    void answersNotModifiedFromTheAppsVersionTagWithoutKeepingConnections() {
        directory.put(running("civil-affairs", "notices", first.uri()));

        // More conditional requests than the gateway keeps connections to one instance (128):
        // each answer must hand its connection back although no body is copied.
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < GatewayConfiguration.MAX_CONNECTIONS_PER_INSTANCE + 20; i++) {
                HttpResponse<String> response = send(request("/apps/civil-affairs/notices/versioned")
                        .header("If-None-Match", TestInstance.VERSION));
                assertThat(response.statusCode()).isEqualTo(304);
            }
            assertThat(get("/apps/civil-affairs/notices/versioned").statusCode()).isEqualTo(200);
        });
    }

    @Test
    void theInstanceLearnsThePublicAddressFromXForwardedHeadersSetByThePlatformOnly() throws Exception {
        directory.put(running("civil-affairs", "notices", first.uri()));

        get("/apps/civil-affairs/notices/");
        send(request("/apps/civil-affairs/notices/").header("X-Forwarded-Prefix", "/evil")
                .header("Forwarded", "for=6.6.6.6;host=evil.example"));

        for (TestInstance.Received received : first.received) {
            assertThat(received.header("X-Forwarded-For")).isEqualTo("127.0.0.1");
            assertThat(received.header("X-Forwarded-Proto")).isEqualTo("http");
            assertThat(received.header("X-Forwarded-Host")).isEqualTo("127.0.0.1:" + port);
            assertThat(received.header("X-Forwarded-Port")).isEqualTo(String.valueOf(port));
            assertThat(received.header("X-Forwarded-Prefix")).isEqualTo("/apps/civil-affairs/notices");
            assertThat(received.header("Forwarded")).isNull();
        }
    }

    @Test
    void hopByHopHeadersStayAtTheGateway() throws Exception {
        directory.put(running("civil-affairs", "notices", first.uri()));

        // A raw request: HTTP clients refuse to send a Connection header of one's own choosing.
        String answer = exchange("GET /apps/civil-affairs/notices/ HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                + "Connection: close, X-Session-Hint\r\nX-Session-Hint: secret\r\nKeep-Alive: timeout=5\r\n"
                + "Proxy-Authorization: Basic c2VjcmV0\r\nTE: trailers\r\nX-Custom: kept\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 201");

        TestInstance.Received received = first.received.getFirst();
        assertThat(received.header("X-Custom")).isEqualTo("kept");
        for (String hop : List.of("X-Session-Hint", "Keep-Alive", "Proxy-Authorization", "TE")) {
            assertThat(received.header(hop)).as(hop).isNull();
        }
    }

    @Test
    void thePlatformSessionCookieNeverReachesAnAppAndCannotBeSetByOne() throws Exception {
        directory.put(running("civil-affairs", "notices", first.uri()));

        HttpResponse<String> response = send(request("/apps/civil-affairs/notices/")
                .header("Cookie", "GOVPAAS_SESSION=staff-secret; APP_SESSION=abc; govpaas-lang=en"));

        assertThat(first.received.getFirst().header("Cookie")).isEqualTo("APP_SESSION=abc; govpaas-lang=en");
        assertThat(response.headers().allValues("Set-Cookie"))
                .containsExactly("APP_SESSION=first; Path=/apps/civil-affairs/notices/; HttpOnly"); // confined to its route
    }

    @Test
    void theGatewayKeepsNoCookiesAndAddsNothingOfItsOwn() throws Exception {
        directory.put(running("civil-affairs", "notices", first.uri()));

        // One citizen gets the app's cookie; the next request, from someone else, must not carry it.
        get("/apps/civil-affairs/notices/");
        send(request("/apps/civil-affairs/notices/").header("User-Agent", "citizen-browser"));

        TestInstance.Received second = first.received.get(1);
        assertThat(second.header("Cookie")).isNull();
        assertThat(second.header("User-Agent")).isEqualTo("citizen-browser");
        for (String added : List.of("Upgrade", "Accept-Encoding", "Authorization")) {
            assertThat(second.header(added)).as(added).isNull();
        }
    }

    @Test
    void spreadsRequestsRoundRobinOverReadyInstances() throws Exception {
        directory.put(running("health", "clinic", first.uri(), second.uri()));

        List<String> servedBy = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            servedBy.add(get("/apps/health/clinic/slots").body());
        }

        assertThat(first.received).hasSize(3);
        assertThat(second.received).hasSize(3);
        assertThat(servedBy.get(0)).isNotEqualTo(servedBy.get(1));
        assertThat(servedBy.get(1)).isNotEqualTo(servedBy.get(2));
    }

    /**
     * A page request waiting for an app holds only a connection of the front server's; a form post
     * holds a thread of the platform's server as well. Those are virtual threads: with a fixed pool
     * (Tomcat's own has 200) one department's hung app could take every thread and leave the
     * console and the other apps waiting.
     */
    @Test
    void anAppThatDoesNotAnswerCannotTakeTheServerFromOtherApps() throws Exception {
        directory.put(running("housing", "hung", first.uri()));
        directory.put(running("health", "clinic", second.uri()));
        // The test instance (the JDK's HTTP server) keeps at most 200 idle connections in all.
        int pages = 50;
        // More posts than the platform's server keeps connections to one instance: the rest wait for one.
        int posts = GatewayConfiguration.MAX_CONNECTIONS_PER_INSTANCE + 20;
        List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
        for (int i = 0; i < pages + posts; i++) {
            HttpRequest.Builder request = request("/apps/housing/hung/held");
            held.add(CLIENT.sendAsync((i < pages ? request : request.POST(BodyPublishers.ofString("x=" + i))).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> first.received.size() == pages + GatewayConfiguration.MAX_CONNECTIONS_PER_INSTANCE);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThat(get("/apps/health/clinic/").body()).isEqualTo("served by second");
            assertThat(send(request("/apps/health/clinic/").POST(BodyPublishers.ofString("y=1"))).body())
                    .isEqualTo("served by second");
            assertThat(get("/").statusCode()).isEqualTo(200);
        });

        first.releaseHeld();
        for (CompletableFuture<HttpResponse<String>> response : held) {
            assertThat(response.get(60, TimeUnit.SECONDS).body()).isEqualTo("served by first");
        }
        assertThat(first.received).hasSize(pages + posts);
    }

    @Test
    void anInstanceRefusingTheConnectionIsSkippedForTheNextOne() throws Exception {
        directory.put(running("health", "clinic", TestInstance.refusing(), second.uri()));

        for (int i = 0; i < 4; i++) {
            HttpResponse<String> response = send(request("/apps/health/clinic/book")
                    .POST(BodyPublishers.ofString("slot=" + i)).header("Content-Type", "text/plain"));
            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(response.body()).isEqualTo("served by second");
        }
        assertThat(second.received).extracting(TestInstance.Received::body)
                .containsExactly("slot=0", "slot=1", "slot=2", "slot=3");
    }
}

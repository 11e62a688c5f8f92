package org.govpaas.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.servlet.function.RenderingResponse;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * A citizen whose app hangs is told so once the app has been silent for the answer timeout
 * (here 2 s, 60 s by default) on both of the gateway's paths, while an app that is slow only
 * because the citizen's upload is slow is never cut off.
 */
@TestPropertySource(properties = "govpaas.gateway.answer-timeout=2s")
class GatewayAnswerTimeoutTest extends GatewayTestSupport {

    @Autowired
    AppGateway gateway;

    TestInstance app;

    @BeforeEach
    void startApp() throws Exception {
        app = TestInstance.start("app");
        directory.put(running("housing", "permits", app.uri()));
    }

    @AfterEach
    void stopApp() {
        app.close();
    }

    @Test
    void aCitizenWaitingOnAnAppThatHangsIsToldItDidNotAnswerInTime() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> answer = CLIENT.send(request("/apps/housing/permits/held").build(),
                HttpResponse.BodyHandlers.ofString());
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(answer.statusCode()).isEqualTo(504);
        assertThat(answer.body()).contains("The service did not answer in time", "服务没有及时应答");
        assertThat(waited).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(15));
        assertThat(app.received).singleElement().extracting(TestInstance.Received::rawPath)
                .isEqualTo("/apps/housing/permits/held");

        // The app itself is still routed to: only that one request was given up on.
        assertThat(CLIENT.send(request("/apps/housing/permits/next").build(), HttpResponse.BodyHandlers.ofString())
                .body()).isEqualTo("served by app");
    }

    /**
     * The platform's own server forwards to apps too (it tries once more when every instance
     * refused the front server): its page, in both languages.
     */
    @Test
    void throughThePlatformsServerTheCitizenGetsItsPageSayingSo() throws Exception {
        MockHttpServletRequest servlet = new MockHttpServletRequest("GET", "/apps/housing/permits/held");
        servlet.setAttribute(RouterFunctions.URI_TEMPLATE_VARIABLES_ATTRIBUTE,
                Map.of("department", "housing", "app", "permits"));
        long started = System.nanoTime();

        ServerResponse answer = gateway.forward(ServerRequest.create(servlet, List.of()));

        assertThat(answer.statusCode().value()).isEqualTo(504);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(15));
        assertThat(app.received).hasSize(1);
        assertThat(((RenderingResponse) answer).model()).containsEntry("kind", "gatewayTimeout");
    }

    /** The clock starts once the app has the whole request: a body sent slowly is not a silent app. */
    @Test
    void anUploadSlowerThanTheTimeoutStillGetsItsAnswer() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /apps/housing/permits/upload HTTP/1.1\r\nHost: localhost\r\nContent-Length: 4\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            for (char part : "form".toCharArray()) {
                out.write(part);
                out.flush();
                Thread.sleep(1_000); // 4 s in all, twice the timeout
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            in.transferTo(read);
            String answer = read.toString(StandardCharsets.UTF_8);
            assertThat(statuses(answer)).containsExactly("201");
            assertThat(answer).endsWith("served by app");
        }
        assertThat(app.received).singleElement().extracting(TestInstance.Received::body).isEqualTo("form");
    }
}

package org.govpaas.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * One client cannot hold every connection the platform has: beyond its cap a new one is closed at
 * once. Loopback is not a trusted proxy here (trusted proxies carry many citizens and have no cap).
 */
@TestPropertySource(properties = {"server.tomcat.remoteip.internal-proxies=192\\.0\\.2\\.1",
        "govpaas.gateway.max-connections-per-client=4"})
class FrontServerConnectionCapTest extends GatewayTestSupport {

    @Test
    void aClientBeyondItsConnectionCapIsTurnedAwayUntilOneOfItsConnectionsCloses() throws Exception {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                Socket socket = connect();
                held.add(socket);
                assertThat(answer(socket)).as("connection %d", i + 1).startsWith("HTTP/1.1 404");
            }
            try (Socket beyond = connect()) {
                assertThat(closedByServer(beyond)).as("a fifth connection of the same client").isTrue();
            }

            held.removeFirst().close();
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                try (Socket again = connect()) {
                    assertThat(answer(again)).startsWith("HTTP/1.1 404");
                }
            });
            for (Socket socket : held) {
                assertThat(answer(socket)).as("the connections held are still served").startsWith("HTTP/1.1 404");
            }
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(5_000);
        return socket;
    }

    /** A HEAD of an app that does not exist (an answer without a body), kept alive; the answer. */
    private static String answer(Socket socket) throws IOException {
        socket.getOutputStream().write("HEAD /apps/nobody/nothing/ HTTP/1.1\r\nHost: localhost\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (head.indexOf("\r\n\r\n") < 0) {
            int b = in.read();
            if (b < 0) {
                return "closed: " + head;
            }
            head.append((char) b);
        }
        return head.toString();
    }

    private static boolean closedByServer(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read() < 0;
        } catch (java.net.SocketException reset) {
            return true; // closed before anything was read
        }
    }
}

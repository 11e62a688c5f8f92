package org.govpaas.platform.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.govpaas.platform.GovPaasApplication;
import org.govpaas.platform.apps.AppDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole platform (embedded PostgreSQL, no Keycloak needed: the one check that asks it at
 * start-up, CliSignInPolicy's, finds none and retries in the background, less and less often)
 * with a directory the test controls, and a plain HTTP client that follows no redirects.
 */
@SpringBootTest(classes = {GovPaasApplication.class, GatewayTestSupport.StubDirectoryConfiguration.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // No catalog jar trained in the background while the gateway is measured.
        properties = {"server.address=127.0.0.1", "govpaas.runtime.local.prepare-catalog=false"})
abstract class GatewayTestSupport {

    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.1 (\\d{3})");

    @LocalServerPort
    int port;

    @Autowired
    StubDirectory directory;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        String data = Files.createTempDirectory("govpaas-gateway-test").toString();
        registry.add("govpaas.data-dir", () -> data);
    }

    @BeforeEach
    void emptyDirectory() {
        directory.routes.clear();
        directory.lookups.set(0);
    }

    static AppDirectory.Route running(String dept, String app, URI... instances) {
        return new AppDirectory.Route(dept, app, "/apps/" + dept + "/" + app + "/", true, List.of(instances),
                "公告栏", "Notice board");
    }

    static AppDirectory.Route stopped(String dept, String app) {
        return new AppDirectory.Route(dept, app, "/apps/" + dept + "/" + app + "/", false, List.of(),
                "公告栏", "Notice board");
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return send(request(pathAndQuery));
    }

    /** Routes by "dept/app"; counts lookups so a test can prove the directory was not asked. */
    static class StubDirectory implements AppDirectory {
        final Map<String, Route> routes = new ConcurrentHashMap<>();
        final AtomicInteger lookups = new AtomicInteger();

        void put(Route route) {
            routes.put(route.department() + "/" + route.app(), route);
        }

        @Override
        public Optional<Route> route(String department, String app) {
            lookups.incrementAndGet();
            return Optional.ofNullable(routes.get(department + "/" + app));
        }

        @Override
        public List<Listing> listed() {
            return List.of();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class StubDirectoryConfiguration {
        @Bean
        @Primary
        StubDirectory stubDirectory() {
            return new StubDirectory();
        }
    }

    /**
     * Sends the text as it is on a new connection (what HTTP clients would not send: a header of
     * one's choosing in Connection, several requests at once) and reads until the platform closes it.
     */
    String exchange(String requests) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(requests.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            try {
                in.transferTo(read);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("The connection stayed open after: " + read.toString(StandardCharsets.UTF_8), e);
            }
            return read.toString(StandardCharsets.UTF_8);
        }
    }

    static List<String> statuses(String answers) {
        Matcher matcher = STATUS_LINE.matcher(answers);
        return Stream.iterate(matcher.find(), found -> found, found -> matcher.find()).map(found -> matcher.group(1))
                .toList();
    }
}

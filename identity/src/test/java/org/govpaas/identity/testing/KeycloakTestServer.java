package org.govpaas.identity.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A real Keycloak server for tests, started once per JVM from the distribution that
 * {@code mvn -f identity/pom.xml dependency:unpack@keycloak-server} unpacked into
 * {@code govpaas.keycloak.home} (the Maven property, handed to Surefire as a system property).
 *
 * <p>It runs {@code kc.sh start-dev --db dev-mem --import-realm} on free ports with the realm
 * definitions of {@code identity/keycloak/realms}, so every test JVM starts from the production
 * realms and nothing else. The server's output goes to {@code target/keycloak-test.log}; the
 * process tree is stopped by a JVM shutdown hook.
 *
 * <p>The admin helpers use the master realm's bootstrap admin ({@code admin}/{@code admin}) with
 * the {@code admin-cli} password grant: acceptable for a throw-away test server only.
 */
public final class KeycloakTestServer {

    public static final String STAFF_REALM = "govpaas-staff";
    public static final String CITIZENS_REALM = "govpaas-citizens";
    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "admin";

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(180);
    private static KeycloakTestServer shared;

    private final Process process;
    private final int port;
    private final Path logFile;
    private final Duration startupTime;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final JsonMapper json = JsonMapper.builder().build();

    private String adminToken;
    private Instant adminTokenExpiry = Instant.EPOCH;

    /** The server of this JVM, started on first use. */
    public static synchronized KeycloakTestServer shared() {
        if (shared == null) {
            shared = new KeycloakTestServer();
        }
        return shared;
    }

    private KeycloakTestServer() {
        Path repo = findRepositoryRoot();
        Path dist = findDistribution(repo);
        copyRealms(repo.resolve("identity/keycloak/realms"), dist.resolve("data/import"));

        this.port = freePort();
        int managementPort = freePort();
        this.logFile = Path.of("target", "keycloak-test.log").toAbsolutePath();
        try {
            Files.createDirectories(logFile.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        ProcessBuilder builder = new ProcessBuilder(
                dist.resolve("bin/kc.sh").toString(), "start-dev",
                "--db", "dev-mem",
                "--http-port", Integer.toString(port),
                "--http-management-port", Integer.toString(managementPort),
                "--hostname", "http://localhost:" + port,
                "--import-realm")
                .directory(dist.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // Silences a harmless shutdown stack trace of jboss-threads on JDK 24+.
        env.put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
        env.remove("JAVA_OPTS");
        env.remove("GOVPAAS_CONSOLE_URL");
        env.remove("GOVPAAS_CONSOLE_CLIENT_SECRET");
        env.remove("GOVPAAS_PLATFORM_CLIENT_SECRET");

        Instant started = Instant.now();
        try {
            this.process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start Keycloak from " + dist, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "keycloak-test-server-stop"));
        awaitReady(started);
        this.startupTime = Duration.between(started, Instant.now());
        System.out.printf("Keycloak test server up at %s in %d ms (log: %s)%n",
                baseUrl(), startupTime.toMillis(), logFile);
    }

    // ---------------------------------------------------------------- accessors

    /** {@code http://localhost:<port>}, the server's only public URL (it is also its hostname). */
    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** The issuer of a realm, exactly as it appears in the {@code iss} claim. */
    public String issuer(String realm) {
        return baseUrl() + "/realms/" + realm;
    }

    public Path logFile() {
        return logFile;
    }

    public Duration startupTime() {
        return startupTime;
    }

    // ---------------------------------------------------------------- admin REST API

    /** A master-realm admin access token (cached until shortly before it expires). */
    public synchronized String adminAccessToken() {
        if (adminToken == null || Instant.now().isAfter(adminTokenExpiry)) {
            String form = form(Map.of(
                    "grant_type", "password",
                    "client_id", "admin-cli",
                    "username", ADMIN_USERNAME,
                    "password", ADMIN_PASSWORD));
            HttpResponse<String> response = send(HttpRequest.newBuilder(
                            URI.create(issuer("master") + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
            expectStatus(response, 200);
            JsonNode token = json.readTree(response.body());
            adminToken = token.path("access_token").asString();
            adminTokenExpiry = Instant.now().plusSeconds(Math.max(5, token.path("expires_in").asLong(60) - 10));
        }
        return adminToken;
    }

    /**
     * Sends an admin REST request; {@code path} is relative to {@code /admin/realms}
     * (e.g. {@code "/govpaas-staff/users"}); {@code body} is serialised as JSON when not null.
     */
    public HttpResponse<String> admin(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/realms" + path))
                .header("Authorization", "Bearer " + adminAccessToken())
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        }
        return send(request.build());
    }

    /** GET on the admin API, expecting 200, parsed as JSON. */
    public JsonNode adminGet(String path) {
        HttpResponse<String> response = admin("GET", path, null);
        expectStatus(response, 200);
        return json.readTree(response.body());
    }

    /**
     * Makes sure every group along {@code path} (e.g. {@code /departments/civil-affairs/developer})
     * exists and returns the id of the last one.
     */
    public synchronized String ensureGroup(String realm, String path) {
        String parentId = null;
        StringBuilder current = new StringBuilder();
        for (String name : path.split("/")) {
            if (name.isEmpty()) {
                continue;
            }
            current.append('/').append(name);
            HttpResponse<String> existing = admin("GET", "/" + realm + "/group-by-path" + encodePath(current.toString()), null);
            if (existing.statusCode() == 200) {
                parentId = json.readTree(existing.body()).path("id").asString();
                continue;
            }
            ObjectNode group = json.createObjectNode().put("name", name);
            HttpResponse<String> created = parentId == null
                    ? admin("POST", "/" + realm + "/groups", group)
                    : admin("POST", "/" + realm + "/groups/" + parentId + "/children", group);
            expectStatus(created, 201);
            parentId = idFromLocation(created);
        }
        return Objects.requireNonNull(parentId, "empty group path");
    }

    /**
     * Creates an enabled user with a complete profile (so Keycloak asks for nothing at login),
     * a permanent password, membership of {@code groupPaths} (created when missing) and the given
     * realm roles. Returns the user's id.
     */
    public String createUser(String realm, String username, String password,
                             List<String> groupPaths, List<String> realmRoles) {
        for (String groupPath : groupPaths) {
            ensureGroup(realm, groupPath);
        }
        ObjectNode user = json.createObjectNode()
                .put("username", username)
                .put("enabled", true)
                .put("email", username + "@example.org")
                .put("emailVerified", true)
                .put("firstName", username)
                .put("lastName", "Test");
        ArrayNode credentials = user.putArray("credentials");
        credentials.addObject().put("type", "password").put("value", password).put("temporary", false);
        ArrayNode groups = user.putArray("groups");
        groupPaths.forEach(groups::add);
        HttpResponse<String> created = admin("POST", "/" + realm + "/users", user);
        expectStatus(created, 201);
        String userId = idFromLocation(created);

        if (!realmRoles.isEmpty()) {
            ArrayNode roles = json.createArrayNode();
            for (String role : realmRoles) {
                roles.add(adminGet("/" + realm + "/roles/" + encodeSegment(role)));
            }
            expectStatus(admin("POST", "/" + realm + "/users/" + userId + "/role-mappings/realm", roles), 204);
        }
        return userId;
    }

    /** The internal id of a client, looked up by its {@code clientId}. */
    public String clientUuid(String realm, String clientId) {
        JsonNode clients = adminGet("/" + realm + "/clients?clientId=" + encodeSegment(clientId));
        if (clients.isEmpty()) {
            throw new IllegalStateException("No client " + clientId + " in realm " + realm);
        }
        return clients.get(0).path("id").asString();
    }

    // ---------------------------------------------------------------- lifecycle

    private void awaitReady(Instant started) {
        URI discovery = URI.create(issuer(STAFF_REALM) + "/.well-known/openid-configuration");
        Instant deadline = started.plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with status " + process.exitValue()
                        + " before it was ready; last lines of " + logFile + ":\n" + tail(40));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(discovery)
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
            }
            sleep(500);
        }
        stop();
        throw new IllegalStateException("Keycloak did not answer " + discovery + " within "
                + STARTUP_TIMEOUT.toSeconds() + " s; last lines of " + logFile + ":\n" + tail(40));
    }

    private void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        // kc.sh forwards TERM to its java child and waits for it.
        process.destroy();
        tree.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                tree.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            for (ProcessHandle handle : tree) {
                handle.onExit().get(10, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            tree.forEach(ProcessHandle::destroyForcibly);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static Path findRepositoryRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isDirectory(candidate.resolve("identity/keycloak/realms"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("Cannot find the GovPaaS repository (a directory containing "
                + "identity/keycloak/realms) above " + dir);
    }

    private static Path findDistribution(Path repo) {
        String property = System.getProperty("govpaas.keycloak.home");
        Path home = property != null && !property.isBlank()
                ? Path.of(property)
                : repo.resolve("data/keycloak");
        String hint = "Unpack it with: mvn -f identity/pom.xml dependency:unpack@keycloak-server "
                + "(the build does this in generate-test-resources), and run tests through Maven so that "
                + "the system property govpaas.keycloak.home is set.";
        if (!Files.isDirectory(home)) {
            throw new IllegalStateException("No Keycloak distribution: " + home + " (govpaas.keycloak.home="
                    + property + ") does not exist. " + hint);
        }
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(home, "keycloak-*")) {
            for (Path candidate : dirs) {
                if (Files.isRegularFile(candidate.resolve("bin/kc.sh"))) {
                    found.add(candidate);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("No keycloak-*/bin/kc.sh under " + home + ". " + hint);
        }
        found.sort(null);
        Path dist = found.getLast();
        dist.resolve("bin/kc.sh").toFile().setExecutable(true);
        return dist;
    }

    private static void copyRealms(Path from, Path to) {
        try {
            Files.createDirectories(to);
            try (DirectoryStream<Path> realms = Files.newDirectoryStream(from, "*.json")) {
                for (Path realm : realms) {
                    Files.copy(realm, to.resolve(realm.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy the realm definitions to " + to, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void expectStatus(HttpResponse<String> response, int expected) {
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri()
                    + " answered " + response.statusCode() + " (expected " + expected + "): " + response.body());
        }
    }

    private static String idFromLocation(HttpResponse<String> created) {
        String location = created.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("No Location in " + created));
        return location.substring(location.lastIndexOf('/') + 1);
    }

    static String form(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> {
            if (value == null) {
                return;
            }
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return body.toString();
    }

    private static String encodeSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String encodePath(String path) {
        StringBuilder encoded = new StringBuilder();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                encoded.append('/').append(encodeSegment(segment));
            }
        }
        return encoded.toString();
    }

    private String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log not readable: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package org.govpaas.runtime.kubernetes;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CRUD mock API server plus the one endpoint it lacks: a pod's log
 * ({@code GET /api/v1/namespaces/{ns}/pods/{pod}/log}), answered like the kubelet does from what
 * a {@link LogSource} says the pod's container wrote, honouring {@code timestamps},
 * {@code tailLines} and {@code sinceTime} (whole seconds, inclusive).
 */
final class PodLogEndpoint extends Dispatcher {

    /** One line a container wrote. */
    record WrittenLine(Instant time, String text) {
    }

    /** What a pod's container wrote so far, oldest first; null for a pod without a container. */
    interface LogSource extends Function<String, List<WrittenLine>> {
    }

    private static final Pattern LOG_PATH = Pattern.compile("^/api/v1/namespaces/[^/]+/pods/([^/?]+)/log(\\?(.*))?$");

    private final Dispatcher crud = new KubernetesCrudDispatcher();
    private volatile LogSource logs = pod -> null;

    /** A started mock API server whose pod logs come from {@code logs} (which may be set later). */
    static KubernetesMockServer server(PodLogEndpoint endpoint) {
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                endpoint, false);
        server.init();
        return server;
    }

    void serveFrom(LogSource source) {
        this.logs = source;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        Matcher log = LOG_PATH.matcher(request.getPath());
        if (!"GET".equals(request.getMethod()) || !log.matches()) {
            return crud.dispatch(request);
        }
        List<WrittenLine> written = logs.apply(log.group(1));
        if (written == null) {
            return new MockResponse().setResponseCode(404).setBody("{\"kind\":\"Status\",\"code\":404}");
        }
        Map<String, String> query = query(log.group(3));
        Instant since = query.containsKey("sinceTime") ? Instant.parse(query.get("sinceTime")) : Instant.MIN;
        List<WrittenLine> lines = written.stream().filter(line -> !line.time().isBefore(since)).toList();
        if (query.containsKey("tailLines")) {
            int tail = Integer.parseInt(query.get("tailLines"));
            lines = lines.subList(Math.max(0, lines.size() - tail), lines.size());
        }
        boolean timestamps = "true".equals(query.get("timestamps"));
        StringBuilder body = new StringBuilder();
        for (WrittenLine line : lines) {
            body.append(timestamps ? line.time() + " " : "").append(line.text()).append('\n');
        }
        return new MockResponse().setResponseCode(200).setBody(body.toString());
    }

    @Override
    public void shutdown() {
        crud.shutdown();
    }

    private static Map<String, String> query(String query) {
        Map<String, String> parameters = new HashMap<>();
        if (query == null) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.put(pair.substring(0, equals),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }
}

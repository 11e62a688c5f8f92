package org.govpaas.runtime.kubernetes;

import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The requests the mock API server received since the last call, as {@code METHOD path}. */
final class MockApiRequests {

    private MockApiRequests() {
    }

    static List<String> drain(KubernetesMockServer server) throws InterruptedException {
        List<String> requests = new ArrayList<>();
        RecordedRequest request;
        while ((request = server.takeRequest(100, TimeUnit.MILLISECONDS)) != null) {
            requests.add(request.getMethod() + " " + request.getPath());
        }
        return requests;
    }

    static List<String> writes(List<String> requests) {
        return requests.stream().filter(request -> !request.startsWith("GET ")).toList();
    }
}

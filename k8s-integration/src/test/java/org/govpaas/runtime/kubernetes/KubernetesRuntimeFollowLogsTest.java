package org.govpaas.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.govpaas.runtime.LogLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Following an app's output across its pods: new lines only, each once, in order, pods that come later included. */
class KubernetesRuntimeFollowLogsTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final Map<String, List<PodLogEndpoint.WrittenLine>> written = new ConcurrentHashMap<>();
    private KubernetesMockServer server;
    private KubernetesClient client;
    private KubernetesRuntime runtime;

    @BeforeEach
    void clusterWithOneRunningPod() {
        PodLogEndpoint endpoint = new PodLogEndpoint();
        endpoint.serveFrom(written::get);
        server = PodLogEndpoint.server(endpoint);
        client = server.createClient();
        runtime = new KubernetesRuntime(client, Specs.SETTINGS, department -> Specs.HEALTH_LIMITS);
        client.pods().resource(Pods.ready(Specs.CLINIC, "clinic-a", "10.1.0.1")).create();
        written.put("clinic-a", new CopyOnWriteArrayList<>());
        write("clinic-a", "started before anyone followed");
    }

    @AfterEach
    void stop() {
        client.close();
        server.destroy();
    }

    @Test
    void newLinesOfEveryPodArriveOnceEachAndNothingAfterClose() throws Exception {
        List<LogLine> followed = new CopyOnWriteArrayList<>();
        AutoCloseable follow = runtime.followLogs(Specs.CLINIC, followed::add);

        // Several lines within one second: the API's sinceTime has whole seconds, so they come back
        // with every poll of that second, and must still arrive once each.
        write("clinic-a", "first");
        write("clinic-a", "second");
        await().atMost(WAIT).untilAsserted(() -> assertThat(texts(followed)).containsExactly("first", "second"));
        client.pods().resource(Pods.ready(Specs.CLINIC, "clinic-b", "10.1.0.2")).create();
        written.put("clinic-b", new CopyOnWriteArrayList<>());
        write("clinic-b", "new pod says hello");
        write("clinic-a", "third");
        await().atMost(WAIT).untilAsserted(() -> assertThat(texts(followed))
                .containsExactlyInAnyOrder("first", "second", "new pod says hello", "third"));
        Thread.sleep(2500); // two more polls: nothing may come twice
        assertThat(texts(followed)).hasSize(4);
        assertThat(followed).filteredOn(line -> line.text().equals("new pod says hello"))
                .singleElement().satisfies(line -> assertThat(line.instance()).isEqualTo("clinic-b"));

        follow.close();
        write("clinic-a", "after close");
        Thread.sleep(1500);
        assertThat(texts(followed)).doesNotContain("after close", "started before anyone followed");
    }

    private void write(String pod, String text) {
        written.get(pod).add(new PodLogEndpoint.WrittenLine(Instant.now(), text));
    }

    private static List<String> texts(List<LogLine> lines) {
        return lines.stream().map(LogLine::text).toList();
    }
}

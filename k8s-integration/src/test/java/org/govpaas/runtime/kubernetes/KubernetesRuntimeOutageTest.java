package org.govpaas.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.govpaas.runtime.AppSpec;
import org.govpaas.runtime.AppStatus;
import org.govpaas.runtime.IsolationTier;
import org.govpaas.runtime.RuntimeState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A cluster that is away or failing: clear reasons, back-off instead of a tight loop, recovery by itself. */
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesRuntimeOutageTest {

    private static final String NAMESPACE_PATH = "/api/v1/namespaces/govpaas-health";

    KubernetesMockServer server;
    KubernetesClient client;
    private final TestClock clock = new TestClock();
    private KubernetesClient noRetries;

    @AfterEach
    void closeClient() {
        if (noRetries != null) {
            noRetries.close();
        }
    }

    @Test
    void anApiServerAnswering500IsAskedAgainOnlyAfterABackOffThatGrowsAndRecoveryIsAutomatic() throws Exception {
        server.expect().get().withPath(NAMESPACE_PATH).andReturn(500, new StatusBuilder().withCode(500)
                .withMessage("etcdserver: request timed out").build()).always();
        KubernetesRuntime runtime = runtime(clientWithoutRetries(server.createClient().getMasterUrl().toString()));
        AppSpec spec = Specs.clinic(1, IsolationTier.STANDARD);
        MockApiRequests.drain(server);

        assertThatThrownBy(() -> runtime.apply(spec)).isInstanceOf(ClusterUnavailableException.class)
                .hasMessageContaining("HTTP 500").hasMessageContaining("etcdserver: request timed out")
                .hasMessageContaining("next attempt in 1 s");
        assertThat(MockApiRequests.drain(server)).hasSize(1);

        // A reconciler looping now reaches nothing: every call fails at once, naming the outage.
        for (int pass = 0; pass < 50; pass++) {
            assertThatThrownBy(() -> runtime.apply(spec)).isInstanceOf(ClusterUnavailableException.class);
            assertThatThrownBy(runtime::apps).hasMessageContaining("HTTP 500");
        }
        assertThat(MockApiRequests.drain(server)).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> runtime.apply(spec)).hasMessageContaining("failed 2 time(s) in a row")
                .hasMessageContaining("next attempt in 2 s");
        assertThat(MockApiRequests.drain(server)).hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> runtime.apply(spec)).isInstanceOf(ClusterUnavailableException.class);
        assertThat(MockApiRequests.drain(server)).isEmpty();

        server.clearExpectations();
        clock.advance(Duration.ofSeconds(1));
        runtime.apply(spec);
        assertThat(runtime.apps()).contains(spec.id());
        assertThat(runtime.status(spec.id()).state()).isEqualTo(RuntimeState.DEPLOYING);
    }

    @Test
    void aClosedPortIsReportedAsNoAnswerWithTheCause() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        KubernetesRuntime runtime = runtime(clientWithoutRetries("http://127.0.0.1:" + closedPort));

        assertThatThrownBy(() -> runtime.apply(Specs.clinic(1, IsolationTier.STANDARD)))
                .isInstanceOf(ClusterUnavailableException.class)
                .hasMessageStartingWith("Kubernetes API unavailable: no answer (")
                .hasMessageContaining("next attempt in 1 s");
        assertThatThrownBy(() -> runtime.status(Specs.CLINIC)).isInstanceOf(ClusterUnavailableException.class);
    }

    @Test
    void duringAnOutageAnAppKeepsItsLastSeenStateWithTheOutageAsItsMessage() {
        KubernetesRuntime runtime = runtime(clientWithoutRetries(server.createClient().getMasterUrl().toString()));
        AppSpec spec = Specs.clinic(2, IsolationTier.STANDARD);
        runtime.apply(spec);
        AppStatus before = runtime.status(spec.id());

        server.expect().get().withPath("/apis/apps/v1/namespaces/govpaas-health/deployments/clinic")
                .andReturn(503, new StatusBuilder().withCode(503).withMessage("the server is shutting down").build())
                .always();

        AppStatus during = runtime.status(spec.id());
        assertThat(during.state()).isEqualTo(before.state()).isEqualTo(RuntimeState.DEPLOYING);
        assertThat(during.observedGeneration()).isEqualTo(1);
        assertThat(during.desiredInstances()).isEqualTo(2);
        assertThat(during.message()).startsWith("Kubernetes API unavailable: HTTP 503: the server is shutting down")
                .endsWith("last seen: " + before.message());
        assertThatThrownBy(() -> runtime.status(new org.govpaas.runtime.AppId("health", "never-seen")))
                .isInstanceOf(ClusterUnavailableException.class);
    }

    private KubernetesRuntime runtime(KubernetesClient on) {
        return new KubernetesRuntime(on, Specs.SETTINGS, department -> Specs.HEALTH_LIMITS, clock,
                KubernetesRuntime.DEPARTMENT_RECHECK);
    }

    /** fabric8 retries failed requests itself by default; here each call is one request, to count them. */
    private KubernetesClient clientWithoutRetries(String url) {
        noRetries = new KubernetesClientBuilder().withConfig(new ConfigBuilder().withMasterUrl(url)
                .withRequestRetryBackoffLimit(0).withConnectionTimeout(1000).withRequestTimeout(2000).build()).build();
        return noRetries;
    }
}

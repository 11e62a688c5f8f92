package org.govpaas.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two platform replicas competing for the reconcile Lease on the mock API server. */
@EnableKubernetesMockClient(crud = true, https = false)
class LeaseLeadershipTest {

    private static final LeaseLeadership.Timing FAST = new LeaseLeadership.Timing(
            Duration.ofSeconds(2), Duration.ofMillis(1500), Duration.ofMillis(200));
    private static final Duration WAIT = Duration.ofSeconds(15);

    KubernetesMockServer server;
    KubernetesClient client;
    private final List<String> announced = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    @Test
    void ofTwoReplicasExactlyOneLeadsAndTheLeaseNamesIt() {
        LeaseLeadership a = candidate("platform-a", client);
        LeaseLeadership b = candidate("platform-b", client);

        await().atMost(WAIT).until(() -> a.isLeader() || b.isLeader());
        // Several renew periods: the follower must not take over a Lease that is being renewed.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(a.isLeader() ^ b.isLeader()).as("exactly one leader").isTrue());
        LeaseLeadership leader = a.isLeader() ? a : b;
        Lease lease = client.leases().inNamespace("govpaas-system").withName("govpaas-reconciler").get();
        assertThat(lease.getSpec().getHolderIdentity()).isEqualTo(leader.identity());
        assertThat(announced).contains(leader.identity());
    }

    @Test
    void leadershipMovesAtOnceWhenTheLeaderStopsCleanly() {
        LeaseLeadership a = candidate("platform-a", client);
        await().atMost(WAIT).until(a::isLeader);
        LeaseLeadership b = candidate("platform-b", client);

        a.close();

        assertThat(a.isLeader()).isFalse();
        await().atMost(WAIT).until(b::isLeader);
        assertThat(client.leases().inNamespace("govpaas-system").withName("govpaas-reconciler").get()
                .getSpec().getHolderIdentity()).isEqualTo("platform-b");
    }

    @Test
    void aLeaderCutOffFromTheApiStepsDownAndAnotherTakesOverAfterTheLeaseExpires() throws Exception {
        NetworkCut network = new NetworkCut(server.getHostName(), server.getPort());
        toClose.add(network);
        KubernetesClient partitioned = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
                .withMasterUrl(network.url()).withRequestRetryBackoffLimit(0).withRequestTimeout(1000).build()).build();
        toClose.add(partitioned);
        LeaseLeadership a = candidate("platform-a", partitioned);
        await().atMost(WAIT).until(a::isLeader);
        LeaseLeadership b = candidate("platform-b", client);

        network.cut();

        await().atMost(WAIT).until(() -> !a.isLeader());
        await().atMost(WAIT).until(b::isLeader);
    }

    private LeaseLeadership candidate(String identity, KubernetesClient on) {
        LeaseLeadership leadership = new LeaseLeadership(on, "govpaas-system", "govpaas-reconciler", identity,
                FAST, announced::add);
        toClose.add(leadership);
        leadership.start();
        return leadership;
    }
}

package org.govpaas.runtime.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.govpaas.runtime.AppId;
import org.govpaas.runtime.AppRuntime;
import org.govpaas.runtime.AppSpec;
import org.govpaas.runtime.AppStatus.InstanceStatus;
import org.govpaas.runtime.contract.AbstractAppRuntimeContractTest;
import org.govpaas.runtime.contract.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The Kubernetes runtime against the runtime contract, on the fabric8 CRUD mock API server with
 * {@link KubeletSimulator} playing the Deployment controller and the node. A control-plane
 * restart is a new {@link KubernetesRuntime} with a new client on the same API server: the
 * runtime keeps nothing in memory, so that is all a restarted platform replica has.
 *
 * <p>What the contract asks of an instance over HTTP (its environment, whether it serves) is
 * answered by the simulated node from what it really handed the container, and the pods' logs
 * come from what the simulated containers wrote, through {@link PodLogEndpoint}.
 */
class KubernetesRuntimeContractTest extends AbstractAppRuntimeContractTest {

    private static final DepartmentLimits CONTRACT_LIMITS = new DepartmentLimits(20, 8192, 100);

    /** One cluster for the class, as a real one would be: every test uses apps of its own. */
    private static KubernetesMockServer server;
    private static KubernetesClient client;
    private static KubeletSimulator node;
    private final List<KubernetesClient> restartedClients = new ArrayList<>();

    @BeforeAll
    static void startCluster() {
        PodLogEndpoint logs = new PodLogEndpoint();
        server = PodLogEndpoint.server(logs);
        client = server.createClient();
        node = new KubeletSimulator(server.createClient());
        logs.serveFrom(node::output);
    }

    @AfterAll
    static void stopCluster() {
        node.close();
        client.close();
        server.destroy();
    }

    @Override
    protected AppRuntime runtime() {
        restartedClients.forEach(KubernetesClient::close);
        restartedClients.clear();
        return newRuntime(client);
    }

    @Override
    protected AppRuntime restartedRuntime() {
        KubernetesClient restarted = server.createClient();
        restartedClients.add(restarted);
        return newRuntime(restarted);
    }

    private static KubernetesRuntime newRuntime(KubernetesClient client) {
        return new KubernetesRuntime(client, KubernetesSettings.defaults(), department -> CONTRACT_LIMITS);
    }

    @Override
    protected AppSpec.Artifact artifact(TestApp.Behaviour behaviour) {
        return new AppSpec.Artifact(null, "registry.city.gov/contract/test-app:1");
    }

    @Override
    protected Duration convergenceTimeout() {
        return Duration.ofSeconds(20);
    }

    @Override
    protected long countInstanceProcesses(AppId id) {
        return pods(id).size();
    }

    @Override
    protected void killInstanceProcess(AppId id, String instanceId) {
        node.kill(instanceId);
    }

    @Override
    protected String instanceEnvironment(InstanceStatus instance, String name) {
        return node.environment(instance.id()).get(name);
    }

    @Override
    protected boolean instanceServes(String address) {
        return node.serves(address);
    }

    @Override
    protected boolean providesInstanceIndex() {
        return false;
    }

    /** The runtime's watch lists and connects in the background. */
    @Override
    protected void awaitWatching(AutoCloseable watch) throws Exception {
        ((AppStatusWatch) watch).started().get(convergenceTimeout().toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    protected void makeInstancePrint(InstanceStatus instance, String text) {
        node.print(instance.id(), text);
    }

    private List<Pod> pods(AppId id) {
        return client.pods().inNamespace(KubernetesNames.namespace(id)).withLabels(KubernetesNames.selector(id))
                .list().getItems().stream().filter(pod -> pod.getMetadata().getDeletionTimestamp() == null).toList();
    }
}

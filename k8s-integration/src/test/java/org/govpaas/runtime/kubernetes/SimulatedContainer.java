package org.govpaas.runtime.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.govpaas.runtime.contract.TestApp;
import org.govpaas.runtime.contract.TestApp.Behaviour;

/**
 * One container's life on {@link KubeletSimulator}'s node, as {@link TestApp} with its environment
 * would live it. Times are milliseconds of a monotonic clock, passed in by the node.
 */
final class SimulatedContainer {

    private static final long READY_AFTER_MS = 150;
    private static final long CRASH_AFTER_MS = 100;

    final String ip;
    final int ordinal;
    final Map<String, String> environment;
    private final boolean exitsAtStart;
    private final long startDelayMs;
    private final String startedAtText;
    private final Behaviour behaviour;
    private final List<PodLogEndpoint.WrittenLine> output = new ArrayList<>();
    private boolean listening;
    private long startedAt;
    private int restarts;
    /** Set while the container is dead and waiting for its back-off to pass. */
    private long restartAt = -1;
    private int lastExitCode;
    private String lastExitReason;

    SimulatedContainer(String ip, int ordinal, Map<String, String> environment, long now) {
        this.ip = ip;
        this.ordinal = ordinal;
        this.environment = environment;
        Behaviour behaviour = Behaviour.valueOf(environment.getOrDefault(TestApp.BEHAVIOUR, Behaviour.HEALTHY.name()));
        this.exitsAtStart = behaviour == Behaviour.EXIT_AT_START || (behaviour == Behaviour.FAIL_ONE_INSTANCE
                && String.valueOf(ordinal).equals(environment.getOrDefault(TestApp.FAILING_INSTANCE, "2")));
        this.startDelayMs = behaviour == Behaviour.SLOW_START
                ? Long.parseLong(environment.getOrDefault(TestApp.START_DELAY_MS, "3000")) : READY_AFTER_MS;
        this.behaviour = behaviour;
        this.startedAt = now;
        this.startedAtText = Instant.now().toString();
        write("test app instance ? starting as " + behaviour);
    }

    synchronized boolean ready(long now) {
        advance(now);
        boolean ready = restartAt < 0 && !exitsAtStart && now - startedAt >= startDelayMs;
        if (ready && !listening) {
            listening = true;
            write("test app instance ? listening on " + ip + ":" + KubernetesNames.APP_PORT);
        }
        return ready;
    }

    /** What TestApp's {@code /log/{text}} does: the line lands in the container's output. */
    synchronized boolean print(String text, long now) {
        if (!ready(now)) {
            return false;
        }
        write(text);
        return true;
    }

    /** The current container's output, as the kubelet keeps it: a restart starts a new one. */
    synchronized List<PodLogEndpoint.WrittenLine> output() {
        return List.copyOf(output);
    }

    private void write(String text) {
        output.add(new PodLogEndpoint.WrittenLine(Instant.now(), text));
    }

    synchronized void killed(long now) {
        exited(now, 137, "OOMKilled", 0);
    }

    /** Crash loop: exit soon after each start, restarted after a growing back-off. */
    private void advance(long now) {
        if (restartAt >= 0 && now >= restartAt) {
            restartAt = -1;
            restarts++;
            startedAt = now;
            listening = false;
            output.clear();
            write("test app instance ? starting as " + behaviour);
        }
        if (restartAt < 0 && exitsAtStart && now - startedAt >= CRASH_AFTER_MS) {
            exited(now, TestApp.EXIT_CODE, "Error", Math.min(2000, 200L << Math.min(restarts, 4)));
        }
    }

    private void exited(long now, int code, String reason, long backOffMs) {
        if (code == TestApp.EXIT_CODE) {
            write("test app instance ? exits with code " + code + " as asked");
        }
        lastExitCode = code;
        lastExitReason = reason;
        restartAt = now + backOffMs;
    }

    synchronized PodStatus status(long now) {
        boolean ready = ready(now);
        ContainerStatusBuilder container = new ContainerStatusBuilder()
                .withName(AppDeployment.CONTAINER).withReady(ready).withRestartCount(restarts);
        if (restartAt >= 0) {
            container.withNewState().withNewWaiting().withReason("CrashLoopBackOff")
                    .withMessage("back-off restarting failed container=" + AppDeployment.CONTAINER).endWaiting().endState();
        } else {
            container.withNewState().withNewRunning().withStartedAt(startedAtText).endRunning().endState();
        }
        if (lastExitReason != null) {
            container.withNewLastState().withNewTerminated().withExitCode(lastExitCode).withReason(lastExitReason)
                    .endTerminated().endLastState();
        }
        ContainerStatus containerStatus = container.build();
        return new PodStatusBuilder()
                .withPhase("Running").withPodIP(ip)
                .addNewCondition().withType("PodScheduled").withStatus("True").endCondition()
                .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition()
                .withContainerStatuses(containerStatus)
                .build();
    }
}

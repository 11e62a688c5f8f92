package org.govpaas.platform.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.govpaas.runtime.AppStatus.InstanceStatus;

/**
 * One instance of an app and what its supervisor knows about it. Not thread-safe: only touched
 * while holding its {@link AppSupervisor}'s lock.
 */
final class Instance {

    enum Phase {
        /** Its process runs but has not yet passed the readiness check. */
        STARTING,
        /** Its process runs and has been ready at least once ({@link #ready} says whether it is now). */
        RUNNING,
        /** Its process is gone after a crash; it starts again at {@link #nextStartAt}. */
        WAITING,
        /** It crashed too often in a row; it waits for a new generation of the spec. */
        FAILED,
        /** It is being stopped for good (scale-down, replaced, deleted). */
        STOPPING
    }

    final int index;
    /** The spec generation whose template (jar, memory, environment, ...) this instance runs. */
    final long templateGeneration;
    final String id;
    final Path dir;
    final Path output;

    Phase phase = Phase.WAITING;
    /** The outermost process (bubblewrap or the JVM); null while none runs. */
    ProcessHandle process;
    /** Our own child process, when we started it: only a child gives its exit code. */
    Process child;
    Instant startedAt;
    int port;
    boolean sandboxed;
    boolean ready;
    /** When it was started or adopted: the startup timeout counts from here. */
    Instant launchedAt;
    Instant nextStartAt = Instant.EPOCH;
    /** Since when a running instance's readiness check fails without a success in between; null while it passes. */
    Instant unreadySince;
    int restarts;
    String reason;
    final Deque<Instant> recentCrashes = new ArrayDeque<>();

    Instance(int index, long templateGeneration, Path appDir) {
        this.index = index;
        this.templateGeneration = templateGeneration;
        this.id = index + "-g" + templateGeneration;
        this.dir = appDir.resolve("instances").resolve(id);
        this.output = appDir.resolve("logs").resolve(id + ".log");
    }

    boolean alive() {
        return process != null;
    }

    void launched(Process started, boolean inSandbox, int listenPort, Instant now) {
        child = started;
        process = started.toHandle();
        startedAt = process.info().startInstant().orElse(now);
        sandboxed = inSandbox;
        port = listenPort;
        launchedAt = now;
        phase = Phase.STARTING;
        ready = false;
        unreadySince = null;
    }

    /**
     * An instance recorded by an earlier control plane: adopted when its process still lives (same
     * pid and start instant), otherwise waiting to be started again once the spec is re-applied.
     */
    static Instance recovered(StateStore.InstanceRecord saved, Path appDir, Instant now) {
        Instance instance = new Instance(saved.index(), saved.templateGeneration(), appDir);
        instance.restarts = saved.restarts();
        instance.port = saved.port();
        instance.sandboxed = saved.sandboxed();
        instance.startedAt = saved.startedAt();
        ProcessTree.find(saved.pid(), saved.startedAt()).ifPresentOrElse(process -> {
            instance.process = process;
            instance.launchedAt = now;
            instance.phase = Phase.STARTING; // ready again once it answers its readiness check
        }, () -> instance.reason = "its process ended while the control plane was away");
        return instance;
    }

    /** Forget the process after it exited or was killed. */
    void gone() {
        process = null;
        child = null;
        ready = false;
        unreadySince = null;
    }

    /** Records a readiness answer; a first success ends the start-up. */
    void probed(boolean isReady, String readinessPath, Instant now) {
        if (isReady) {
            phase = Phase.RUNNING;
            reason = null;
            unreadySince = null;
        } else if (phase == Phase.RUNNING) {
            reason = "its readiness check " + readinessPath + " fails";
            if (unreadySince == null) {
                unreadySince = now;
            }
        }
        ready = isReady;
    }

    /** A running instance that has failed its readiness check for {@code timeout}: it answers no one, so it is restarted. */
    boolean stoppedAnswering(Instant now, Duration timeout) {
        return phase == Phase.RUNNING && unreadySince != null && !now.isBefore(unreadySince.plus(timeout));
    }

    /**
     * Records a crash: it waits for a restart with exponential backoff, or gives up when it has
     * crashed {@code crashLoopThreshold} times within the window.
     *
     * @return true when it gave up (crash loop)
     */
    boolean crashed(String what, Instant now, LocalRuntimeProperties settings) {
        gone();
        recentCrashes.addLast(now);
        while (recentCrashes.getFirst().isBefore(now.minus(settings.crashLoopWindow()))) {
            recentCrashes.removeFirst();
        }
        int crashes = recentCrashes.size();
        // The reason reaches staff and the IT office through the app's status; what the app printed
        // may hold citizens' data, so it stays in the output, which only developers read.
        String why = "instance " + index + " " + what + (InstanceOutput.lastLine(output).isPresent()
                ? "; its last output lines say more" : "");
        if (crashes >= settings.crashLoopThreshold()) {
            phase = Phase.FAILED;
            reason = why + " (" + crashes + " crashes within " + settings.crashLoopWindow().toSeconds() + " s, no more restarts)";
            return true;
        }
        phase = Phase.WAITING;
        nextStartAt = now.plus(settings.backoff(crashes));
        reason = why;
        return false;
    }

    /** Its working directory and output, once it is retired for good. */
    void removeFiles() {
        StateStore.deleteTree(dir);
        StateStore.deleteTree(output);
        StateStore.deleteTree(InstanceOutput.old(output));
    }

    InstanceStatus status() {
        String address = alive() ? "127.0.0.1:" + port : null;
        return new InstanceStatus(id, address, ready && phase == Phase.RUNNING, restarts, ready ? null : reason);
    }
}

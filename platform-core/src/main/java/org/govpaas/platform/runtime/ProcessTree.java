package org.govpaas.platform.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Operating-system processes of instances. An instance is a tree (bubblewrap, its namespace
 * init, the JVM), so every signal goes to the whole tree: SIGTERM to the outer bubblewrap alone
 * would leave the JVM running.
 */
final class ProcessTree {

    /** Put on every instance's command line so its processes can be found after a crash. */
    static final String INSTANCE_DIR_PROPERTY = "-Dgovpaas.instance.dir=";

    private ProcessTree() {
    }

    /**
     * The live process with that pid and start instant; empty when it has exited or the pid now
     * belongs to another process (pids are reused, start instants are not).
     */
    static Optional<ProcessHandle> find(long pid, Instant startedAt) {
        if (pid <= 0 || startedAt == null) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> p.info().startInstant()
                .map(s -> Duration.between(s, startedAt).abs().compareTo(Duration.ofSeconds(1)) < 0).orElse(false));
    }

    /** The outermost processes started for an instance directory under {@code stateDir}. */
    static List<ProcessHandle> instanceRoots(Path stateDir) {
        String prefix = INSTANCE_DIR_PROPERTY + stateDir + "/";
        return ProcessHandle.allProcesses()
                .filter(p -> isInstanceProcess(p, prefix))
                .filter(p -> p.parent().map(parent -> !isInstanceProcess(parent, prefix)).orElse(true))
                .toList();
    }

    /** The root and every process below it. */
    static List<ProcessHandle> of(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(root);
        return tree;
    }

    /** SIGTERM to the tree, then SIGKILL to whatever still lives after {@code timeout}. */
    static void stop(ProcessHandle root, Duration timeout) {
        List<ProcessHandle> tree = of(root);
        tree.forEach(ProcessHandle::destroy);
        if (!awaitExit(tree, timeout)) {
            tree.forEach(ProcessHandle::destroyForcibly);
            awaitExit(tree, Duration.ofSeconds(5));
        }
    }

    /**
     * SIGTERM to the tree's JVM alone, so that it shuts down as it would on its own: bubblewrap
     * signalled too would end the pid namespace, and the kernel would kill the JVM mid-shutdown.
     */
    static void terminateJava(ProcessHandle root) {
        of(root).stream().filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .forEach(ProcessHandle::destroy);
    }

    /** SIGKILL to the tree at once, for an instance that must not linger (e.g. never became ready). */
    static void kill(ProcessHandle root) {
        root.descendants().forEach(ProcessHandle::destroyForcibly);
        root.destroyForcibly();
    }

    /**
     * SIGKILL to the tree, then up to {@code timeout} for all of it to be gone, also on a thread
     * that was interrupted (a closing runtime stops its own work this way: nothing may outlive it).
     */
    static void killAndAwait(ProcessHandle root, Duration timeout) {
        List<ProcessHandle> tree = of(root);
        tree.forEach(ProcessHandle::destroyForcibly);
        boolean interrupted = Thread.interrupted();
        awaitExit(tree, timeout);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean awaitExit(List<ProcessHandle> processes, Duration timeout) {
        CompletableFuture<?>[] exits = processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean isInstanceProcess(ProcessHandle process, String prefix) {
        return process.info().arguments()
                .map(args -> java.util.Arrays.stream(args).anyMatch(arg -> arg.startsWith(prefix)))
                .orElse(false);
    }
}

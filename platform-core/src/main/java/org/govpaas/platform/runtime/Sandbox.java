package org.govpaas.platform.runtime;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.govpaas.platform.runtime.LocalRuntimeProperties.SandboxMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * bubblewrap confinement for instance processes: the whole system read-only, a private /tmp and
 * /dev, its own pid and IPC namespaces, a new session (no terminal injection), and only the
 * instance's own directory writable. Instances are deliberately not tied to the control plane:
 * they must outlive its restart to be re-adopted. A startup cache's training is tied to it
 * ({@link #wrapEndingWithControlPlane}).
 */
final class Sandbox {

    private static final Logger log = LoggerFactory.getLogger(Sandbox.class);

    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

    private final Path bwrap;
    private final List<Path> hidden;
    /** Unconfined, whether setpriv can give a process the parent-death signal here. */
    private final boolean setpriv;

    private Sandbox(Path bwrap, boolean setpriv) {
        this(bwrap, List.of(), setpriv);
    }

    private Sandbox(Path bwrap, List<Path> hidden, boolean setpriv) {
        this.bwrap = bwrap;
        this.hidden = List.copyOf(hidden);
        this.setpriv = setpriv;
    }

    /**
     * The same sandbox that also covers {@code paths} with an empty tmpfs: the platform's data
     * folder holds the secret key, PostgreSQL's files and other departments' apps, none of which an
     * app may read even though the rest of the system is visible read-only.
     */
    Sandbox hiding(List<Path> paths) {
        return new Sandbox(bwrap, paths.stream().map(Path::toAbsolutePath).map(Path::normalize)
                .filter(p -> p.getNameCount() >= 2).toList(), setpriv);
    }

    /**
     * Finds bubblewrap and checks that it can really start the JVM here (containers often forbid
     * the namespaces it needs); a sandbox that would fail at every start is no sandbox.
     */
    static Sandbox detect(SandboxMode mode, Path java) {
        if (mode == SandboxMode.OFF) {
            return unconfined();
        }
        Optional<Path> found = onPath("bwrap");
        String problem = found.isEmpty() ? "bwrap is not installed" : trial(found.get(), java);
        if (problem == null) {
            log.info("Apps run confined by bubblewrap ({})", found.get());
            return new Sandbox(found.get(), false);
        }
        if (mode == SandboxMode.REQUIRED) {
            throw new IllegalStateException("govpaas.runtime.local.sandbox=required but " + problem);
        }
        log.warn("Apps run as plain processes without a sandbox: {}", problem);
        return unconfined();
    }

    /** No sandbox; {@code setpriv --pdeathsig} (util-linux 2.33 and later) tried once. */
    private static Sandbox unconfined() {
        List<String> trial = List.of(SETPRIV.toString(), "--pdeathsig", "KILL", "--", "true");
        boolean setpriv = Files.isExecutable(SETPRIV) && run(trial) == null;
        if (!setpriv) {
            log.warn("A startup cache's training will not end with a crashed control plane: {} --pdeathsig does not "
                    + "work here", SETPRIV);
        }
        return new Sandbox(null, setpriv);
    }

    /** Whether {@link #wrapEndingWithControlPlane} ties a process to the control plane here. */
    boolean tiesToControlPlane() {
        return bwrap != null || setpriv;
    }

    boolean enabled() {
        return bwrap != null;
    }

    /**
     * The command that runs {@code command} confined. {@code readOnly} are paths the process must
     * see although they may lie under /tmp, which the sandbox replaces (the jar, the JDK).
     */
    List<String> wrap(List<String> command, Path instanceDir, List<Path> readOnly) {
        return wrap(command, instanceDir, readOnly, false);
    }

    /**
     * As {@link #wrap}, for a process no later control plane would look after (a startup cache's
     * training): the kernel kills it when the control-plane thread that started it ends, a crash
     * or a {@code kill -9} of the control plane included. Confined, bubblewrap's
     * {@code --die-with-parent} does that for everything in the sandbox; otherwise util-linux's
     * {@code setpriv}, which sets the same parent-death signal on the process it becomes.
     */
    List<String> wrapEndingWithControlPlane(List<String> command, Path dir, List<Path> readOnly) {
        if (bwrap == null) {
            if (!setpriv) {
                return command;
            }
            List<String> tied = new ArrayList<>(List.of(SETPRIV.toString(), "--pdeathsig", "KILL", "--"));
            tied.addAll(command);
            return tied;
        }
        return wrap(command, dir, readOnly, true);
    }

    private List<String> wrap(List<String> command, Path instanceDir, List<Path> readOnly, boolean dieWithParent) {
        if (bwrap == null) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of(bwrap.toString(),
                "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp"));
        for (Path path : hidden) {
            wrapped.addAll(List.of("--tmpfs", path.toString()));
        }
        for (Path path : readOnly) {
            wrapped.addAll(List.of("--ro-bind", path.toString(), path.toString()));
        }
        wrapped.addAll(List.of("--bind", instanceDir.toString(), instanceDir.toString(),
                "--unshare-pid", "--unshare-ipc", "--new-session", "--chdir", instanceDir.toString()));
        if (dieWithParent) {
            wrapped.add("--die-with-parent");
        }
        wrapped.add("--");
        wrapped.addAll(command);
        return wrapped;
    }

    /** @return null when bubblewrap ran {@code java -version} confined, else what went wrong */
    private static String trial(Path bwrap, Path java) {
        Path javaHome = java.toAbsolutePath().getParent().getParent();
        Path dir = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        return run(new Sandbox(bwrap, false).wrap(List.of(java.toString(), "-version"), dir, List.of(javaHome)));
    }

    /** @return null when the command ran and exited 0, else what went wrong */
    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            String program = Path.of(command.getFirst()).getFileName().toString();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return program + " did not finish a trial run";
            }
            return process.exitValue() == 0 ? null : program + " failed a trial run (exit code " + process.exitValue() + ")";
        } catch (Exception e) {
            return command.getFirst() + " cannot run: " + e.getMessage();
        }
    }

    private static Optional<Path> onPath(String program) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}

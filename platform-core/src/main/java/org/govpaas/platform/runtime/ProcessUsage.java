package org.govpaas.platform.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.govpaas.runtime.AppUsage;

/**
 * What an app's instance processes consume, read from Linux's {@code /proc}: CPU time from
 * {@code /proc/<pid>/stat} (user + system, in clock ticks) and resident memory from
 * {@code /proc/<pid>/status} (VmRSS), summed over each instance's whole process tree (bubblewrap,
 * its init, the JVM). Where {@code /proc} is missing (not Linux) there is no figure at all rather
 * than an invented one.
 */
final class ProcessUsage {

    /**
     * {@code USER_HZ}: the unit of utime and stime in {@code /proc/<pid>/stat}. The kernel fixes it
     * at 100 in its user-space ABI on every architecture Java runs on, whatever its internal HZ.
     */
    static final int CLOCK_TICKS_PER_SECOND = 100;

    private static final Path PROC = Path.of("/proc");

    private ProcessUsage() {
    }

    /** The usage of the process trees rooted at {@code roots}; empty when /proc cannot be read. */
    static Optional<AppUsage> of(List<Long> roots) {
        if (!Files.isDirectory(PROC.resolve("self"))) {
            return Optional.empty();
        }
        long ticks = 0;
        long rssBytes = 0;
        for (long root : roots) {
            List<Long> tree = Stream.concat(Stream.of(root), ProcessHandle.of(root).stream()
                    .flatMap(ProcessHandle::descendants).map(ProcessHandle::pid)).toList();
            for (long pid : tree) {
                ticks += cpuTicks(pid);
                rssBytes += residentBytes(pid);
            }
        }
        return Optional.of(new AppUsage((double) ticks / CLOCK_TICKS_PER_SECOND, rssBytes, "process"));
    }

    /** utime + stime; 0 for a process that exited meanwhile. */
    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
            // The command name (field 2) is in parentheses and may hold spaces: count after it.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // fields 14 and 15 of stat
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /** VmRSS in bytes; 0 for a process that exited meanwhile (or a kernel thread). */
    static long residentBytes(long pid) {
        try (Stream<String> lines = Files.lines(PROC.resolve(Long.toString(pid)).resolve("status"))) {
            return lines.filter(l -> l.startsWith("VmRSS:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024).orElse(0L);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}

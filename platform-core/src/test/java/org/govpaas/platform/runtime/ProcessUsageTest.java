package org.govpaas.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.govpaas.runtime.AppUsage;
import org.junit.jupiter.api.Test;

/** The local runtime's usage figures, read from /proc for a real process: this test's own JVM. */
class ProcessUsageTest {

    @Test
    void cpuAndResidentMemoryOfAProcessTreeComeFromProc() {
        long jvmCpuNanos = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        AppUsage usage = ProcessUsage.of(List.of(ProcessHandle.current().pid())).orElseThrow();
        assertThat(usage.source()).isEqualTo("process");
        // The kernel's ticks are 10 ms: the figure is within a tick or two of the JVM's own account.
        assertThat(usage.cpuSecondsTotal()).isGreaterThan(0).isGreaterThanOrEqualTo(jvmCpuNanos / 1e9 - 0.05);
        Runtime runtime = Runtime.getRuntime();
        assertThat(usage.memoryBytes()).isGreaterThan(runtime.totalMemory() - runtime.freeMemory());
    }

    @Test
    void aProcessThatIsGoneCountsNothing() {
        assertThat(ProcessUsage.cpuTicks(Long.MAX_VALUE)).isZero();
        assertThat(ProcessUsage.residentBytes(Long.MAX_VALUE)).isZero();
    }
}

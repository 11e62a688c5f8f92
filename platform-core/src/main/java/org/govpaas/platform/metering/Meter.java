package org.govpaas.platform.metering;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.govpaas.identity.adapter.Caller;
import org.govpaas.platform.apps.App;
import org.govpaas.platform.apps.AppService;
import org.govpaas.platform.department.Department;
import org.govpaas.platform.department.DepartmentService;
import org.govpaas.platform.gateway.RequestCounts;
import org.govpaas.platform.metering.internal.UsageMapper;
import org.govpaas.runtime.AppId;
import org.govpaas.runtime.AppRuntime;
import org.govpaas.runtime.AppUsage;
import org.govpaas.runtime.IsolationTier;
import org.govpaas.runtime.PodOverhead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Takes the samples: shortly after every minute begins, one per app that exists (a stopped app
 * still has its storage). The runtime's and the gateway's counters are cumulative, so this keeps
 * the last reading of each app in memory and records differences; right after a start it has no
 * earlier reading, and records CPU used as unknown rather than guess.
 */
@Component
public class Meter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Meter.class);
    /** Reads every department's apps; it acts for nobody, so it changes nothing. */
    private static final Caller METERING = new Caller("metering", "Metering", Set.of(Caller.PLATFORM_ADMIN), Map.of());

    private final DepartmentService departments;
    private final AppService apps;
    private final AppRuntime runtime;
    private final RequestCounts requests;
    private final UsageMapper samples;
    private final MeteringProperties settings;
    private final Map<Long, Reading> last = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("metering").factory());

    /** The cumulative counters of an app at its last sample. */
    private record Reading(double cpuSeconds, long requests) {
    }

    Meter(DepartmentService departments, AppService apps, AppRuntime runtime, RequestCounts requests,
          UsageMapper samples, MeteringProperties settings) {
        this.departments = departments;
        this.apps = apps;
        this.runtime = runtime;
        this.requests = requests;
        this.samples = samples;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!settings.enabled()) {
            return;
        }
        Instant now = Instant.now();
        long delay = Duration.between(now, now.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES)).toMillis();
        // A second into each minute: the gateway's counts of the minute before are complete.
        scheduler.scheduleAtFixedRate(this::tick, delay + 1000, 60_000, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            sampleAll(Instant.now());
        } catch (RuntimeException e) {
            log.warn("Metering could not record this minute's samples: {}", e.toString());
        }
    }

    /**
     * Records one sample per app for the minute {@code now} falls in; a second call within the same
     * minute inserts nothing. Returns how many samples were inserted.
     */
    public int sampleAll(Instant now) {
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        int inserted = 0;
        for (Department department : departments.list(METERING)) {
            for (App app : apps.list(METERING, department.code())) {
                if (!app.isDeleting()) {
                    inserted += samples.insert(sample(app, minute));
                }
            }
        }
        return inserted;
    }

    private UsageSample sample(App app, Instant minute) {
        int instances = app.isStopped() ? 0 : app.instances();
        AppId id = new AppId(app.departmentCode(), app.name());
        Optional<AppUsage> used = instances == 0 ? Optional.empty() : runtime.usage(id);
        long requestsTotal = requests.total(app.departmentCode(), app.name());
        Reading previous = last.get(app.id());
        Reading now = new Reading(used.map(AppUsage::cpuSecondsTotal).orElse(0.0), requestsTotal);
        last.put(app.id(), now);
        BigDecimal cpuUsed = null;
        if (used.isPresent() && previous != null && now.cpuSeconds() >= previous.cpuSeconds()) {
            cpuUsed = BigDecimal.valueOf(now.cpuSeconds() - previous.cpuSeconds()).setScale(3, RoundingMode.HALF_UP);
        } else if (instances == 0) {
            cpuUsed = BigDecimal.ZERO; // nothing runs, so nothing was used
        }
        // The gateway's counters start at zero with this process: the first reading is all served since.
        long served = previous == null ? requestsTotal : Math.max(0, requestsTotal - previous.requests());
        String isolation = app.isolationApplied() != null ? app.isolationApplied() : app.isolation();
        // Allocated includes what the tier adds to every instance (a hypervisor pod's virtual machine).
        PodOverhead overhead = instances == 0 ? PodOverhead.NONE : runtime.overhead(IsolationTier.fromLabel(isolation));
        return new UsageSample(app.id(), minute, app.departmentId(), app.name(), isolation, instances,
                settings.allocatedVcpuMillis(instances) + instances * overhead.cpuMillis(),
                instances * (app.memoryMb() + overhead.memoryMib()), cpuUsed,
                used.map(AppUsage::memoryBytes).orElse(instances == 0 ? 0L : null),
                samples.databaseBytes(app.departmentId(), app.id()), (int) Math.min(Integer.MAX_VALUE, served));
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}

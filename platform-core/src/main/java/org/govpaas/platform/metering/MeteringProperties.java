package org.govpaas.platform.metering;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of metering.
 *
 * @param enabled              take a sample of every app each minute
 * @param cpuMillisPerInstance the vCPU an instance is allocated, in millicores. The local runtime
 *                             reserves no CPU of its own, so this is the rule: the same request every
 *                             instance gets on Kubernetes (the slice's {@code cpuMillisPerInstance},
 *                             250 m), so a department pays the same for the same app in both modes
 * @param zone                 the city's time zone: where months begin and end for statements and
 *                             usage views, and the zone of every time the console shows
 */
@ConfigurationProperties("govpaas.metering")
public record MeteringProperties(@DefaultValue("true") boolean enabled,
                                 @DefaultValue("250") int cpuMillisPerInstance,
                                 @DefaultValue("Asia/Shanghai") ZoneId zone) {

    /** The vCPU, in millicores, that {@code instances} instances are allocated. */
    public int allocatedVcpuMillis(int instances) {
        return instances * cpuMillisPerInstance;
    }
}

package org.govpaas.catalog;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One deployable version of a catalog template: what to run, how big it may get, what it needs
 * from the platform, and which parameters a deploy request may set.
 *
 * <p>Every version a {@link CatalogLoader} returns has passed these checks: {@code version} is
 * semver-like ({@code 1.2.3} or {@code 1.2.3-rc.1}); {@code 1 <= instances.default <=
 * instances.max <= 20}; {@code 64 <= memoryMb.min <= memoryMb.default <= memoryMb.max <= 16384}; the image names
 * a tag or digest; {@code isolation} is non-empty and holds only {@link #ISOLATION_TIERS}; a
 * {@code sensitive} version allows {@code hypervisor} and never {@code standard}; and
 * {@code parameters} is a valid draft 2020-12 object schema whose defaults satisfy it.
 *
 * @param version    the version users pick, semver-like
 * @param jar        the executable jar the local runtime runs
 * @param image      the OCI image Kubernetes runs
 * @param instances  default and maximum instance count (the minimum is 0: a stopped app)
 * @param memoryMb   least, default and maximum memory per instance, in MiB
 * @param health     where an instance reports readiness and how long it may take to get there
 * @param parameters the schema of the deploy request's {@code parameters}
 * @param services   the platform services it needs, e.g. its own database
 * @param signIn     who signs in to it, i.e. in which realm(s) it gets an OIDC client
 * @param isolation  the isolation tiers it may run in, by label, in the order written
 * @param sensitive  it handles sensitive data, so shared-kernel container isolation is not enough
 */
public record TemplateVersion(String version, MavenCoordinates jar, String image, Limits instances,
                              Limits memoryMb, Health health, ParameterSchema parameters,
                              Set<PlatformService> services, SignIn signIn, Set<String> isolation,
                              boolean sensitive) {

    /**
     * The isolation tier labels a template may allow; the same labels as the runtime SPI's
     * {@code IsolationTier} (this module does not depend on the runtimes, platform-core maps them).
     */
    public static final List<String> ISOLATION_TIERS =
            List.of("process", "process-sandboxed", "standard", "hypervisor", "dedicated");

    public TemplateVersion {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(jar, "jar");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(instances, "instances");
        Objects.requireNonNull(memoryMb, "memoryMb");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(signIn, "signIn");
        services = services.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(PlatformService.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(services));
        isolation = Collections.unmodifiableSet(new LinkedHashSet<>(isolation));
    }

    /** True when a deploy may ask for this isolation tier (by its label, e.g. {@code hypervisor}). */
    public boolean allowsIsolation(String tier) {
        return isolation.contains(tier);
    }

    /** True when the platform must provision this service for the app. */
    public boolean needs(PlatformService service) {
        return services.contains(service);
    }

    /**
     * The range a deploy or scale request may ask for; the loader guarantees
     * {@code min <= defaultValue <= max}.
     *
     * @param min          the least a request may ask for
     * @param defaultValue what a deploy request that leaves the value out gets
     * @param max          the most a request may ask for
     */
    public record Limits(int min, int defaultValue, int max) {
    }

    /**
     * @param readinessPath         the HTTP path that answers 200 once an instance may take traffic
     * @param startupTimeoutSeconds how long an instance may take to become ready before it counts
     *                              as failed
     */
    public record Health(String readinessPath, int startupTimeoutSeconds) {

        public Health {
            Objects.requireNonNull(readinessPath, "readinessPath");
        }
    }
}

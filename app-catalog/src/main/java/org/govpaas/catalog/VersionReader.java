package org.govpaas.catalog;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads one entry of a template's {@code versions}, recording problems under its path. */
final class VersionReader {

    static final int MAX_INSTANCES = 20;
    static final int MIN_MEMORY_MB = 64;
    static final int MAX_MEMORY_MB = 16384;

    // An OCI reference with an explicit tag or digest: an implicit :latest would make a deploy
    // depend on whatever was pushed last.
    private static final Pattern IMAGE = Pattern.compile(
            "[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]{1,5})?(/[a-z0-9]+([._-]{1,2}[a-z0-9]+)*)+"
                    + "(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|@sha256:[a-f0-9]{64})");
    private static final Pattern HTTP_PATH = Pattern.compile("/[A-Za-z0-9._~/-]{0,200}");

    private VersionReader() {
    }

    /** The version, or null when any problem was recorded. */
    static TemplateVersion read(Fields fields) {
        Problems problems = fields.problems();
        int before = problems.size();
        fields.allowOnly("version", "jar", "image", "instances", "memoryMb", "health", "parameters",
                "services", "signIn", "isolation", "sensitive");
        String version = fields.string("version", 60);
        if (version != null && !VersionOrder.isValid(version)) {
            problems.add(fields.path("version"), "must be semver-like, e.g. 1.0.0 or 1.1.0-rc.1");
        }
        MavenCoordinates jar = jar(fields);
        String image = fields.string("image", 255);
        if (image != null && !IMAGE.matcher(image).matches()) {
            problems.add(fields.path("image"),
                    "must be an OCI image reference with a tag or digest, e.g. registry.example/app:1.0");
        }
        TemplateVersion.Limits instances = instances(fields);
        TemplateVersion.Limits memoryMb = memory(fields);
        TemplateVersion.Health health = health(fields);
        Set<PlatformService> services = fields.labels("services", false, PlatformService::fromLabel,
                Fields.known(Arrays.stream(PlatformService.values()).map(PlatformService::label)));
        SignIn signIn = fields.label("signIn", SignIn::fromLabel,
                Fields.known(Arrays.stream(SignIn.values()).map(SignIn::label)));
        Set<String> isolation = fields.labels("isolation", true,
                label -> TemplateVersion.ISOLATION_TIERS.contains(label) ? Optional.of(label) : Optional.empty(),
                String.join(", ", TemplateVersion.ISOLATION_TIERS));
        Boolean sensitive = fields.bool("sensitive", false);
        if (Boolean.TRUE.equals(sensitive) && isolation != null) {
            // Sensitive data must not share a kernel with other departments' containers.
            if (!isolation.contains("hypervisor")) {
                problems.add(fields.path("isolation"), "must include hypervisor (the version is sensitive)");
            }
            if (isolation.contains("standard")) {
                problems.add(fields.path("isolation"), "must not include standard (the version is sensitive)");
            }
        }
        boolean schemaValid = fields.raw("parameters") == null
                ? missing(fields, "parameters")
                : SchemaRules.check(fields.raw("parameters"), fields.path("parameters"), problems);
        if (problems.size() > before || !schemaValid) {
            return null;
        }
        return new TemplateVersion(version, jar, image, instances, memoryMb, health,
                new ParameterSchema(fields.raw("parameters")), services, signIn, isolation, sensitive);
    }

    private static boolean missing(Fields fields, String name) {
        fields.problems().add(fields.path(name), "is required");
        return false;
    }

    private static MavenCoordinates jar(Fields fields) {
        String coordinates = fields.string("jar", 255);
        if (coordinates == null) {
            return null;
        }
        try {
            return MavenCoordinates.parse(coordinates);
        } catch (IllegalArgumentException e) {
            fields.problems().add(fields.path("jar"),
                    "must be Maven coordinates groupId:artifactId:version (" + e.getMessage() + ")");
            return null;
        }
    }

    // A request may ask for 0 instances (the app is stopped); a version runs at least one by default.
    private static TemplateVersion.Limits instances(Fields parent) {
        Fields limits = parent.object("instances");
        if (limits == null) {
            return null;
        }
        limits.allowOnly("default", "max");
        Integer defaultValue = limits.integer("default", 1, MAX_INSTANCES);
        Integer maxValue = limits.integer("max", 1, MAX_INSTANCES);
        return defaultValue == null || maxValue == null || !ordered(limits, "default", defaultValue, "max", maxValue)
                ? null : new TemplateVersion.Limits(0, defaultValue, maxValue);
    }

    // The optional min is the least this app runs within: a Spring Boot app's JVM neither stays
    // within a smaller setting nor is sure to start (bench/deploy/README.md), so a template says
    // so rather than let a request ask for it. Left out, it is the platform's least, 64 MiB.
    private static TemplateVersion.Limits memory(Fields parent) {
        Fields limits = parent.object("memoryMb");
        if (limits == null) {
            return null;
        }
        limits.allowOnly("min", "default", "max");
        Integer minValue = limits.raw("min") == null ? Integer.valueOf(MIN_MEMORY_MB)
                : limits.integer("min", MIN_MEMORY_MB, MAX_MEMORY_MB);
        Integer defaultValue = limits.integer("default", MIN_MEMORY_MB, MAX_MEMORY_MB);
        Integer maxValue = limits.integer("max", MIN_MEMORY_MB, MAX_MEMORY_MB);
        return minValue == null || defaultValue == null || maxValue == null
                || !ordered(limits, "min", minValue, "default", defaultValue)
                || !ordered(limits, "default", defaultValue, "max", maxValue)
                ? null : new TemplateVersion.Limits(minValue, defaultValue, maxValue);
    }

    private static boolean ordered(Fields limits, String lowName, int low, String highName, int high) {
        if (high < low) {
            limits.problems().add(limits.path(highName), "must be >= " + lowName + " (" + low + ")");
            return false;
        }
        return true;
    }

    private static TemplateVersion.Health health(Fields parent) {
        Fields health = parent.object("health");
        if (health == null) {
            return null;
        }
        health.allowOnly("readinessPath", "startupTimeoutSeconds");
        String path = health.string("readinessPath", 200);
        if (path != null && (!HTTP_PATH.matcher(path).matches() || path.contains(".."))) {
            parent.problems().add(health.path("readinessPath"),
                    "must be an absolute HTTP path like /actuator/health/readiness");
        }
        Integer timeout = health.integer("startupTimeoutSeconds", 1, 600);
        return path == null || timeout == null ? null : new TemplateVersion.Health(path, timeout);
    }
}

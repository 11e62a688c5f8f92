package org.govpaas.runtime.kubernetes;

import java.util.regex.Pattern;
import org.govpaas.runtime.AppSpec;
import org.govpaas.runtime.IsolationTier;

/**
 * Refuses, before anything is sent, a spec that Kubernetes would reject or that this runtime
 * cannot run, naming the field. A half-applied app (a Secret but no Deployment) is worse than
 * a clear refusal.
 */
final class SpecValidation {

    private static final Pattern ENV_NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");
    /** Conservative: what every common ingress controller accepts in a Prefix path. */
    private static final Pattern ROUTE_PATH = Pattern.compile("^/[A-Za-z0-9._~/-]*$");
    private static final Pattern IMAGE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._/:@+-]*$");
    private static final Pattern HTTP_PATH = Pattern.compile("^/[A-Za-z0-9._~/?=&%-]*$");

    private SpecValidation() {
    }

    static void check(AppSpec spec) {
        KubernetesNames.namespace(spec.id());
        if (KubernetesNames.secretName(spec.id()).length() > 63) {
            throw new IllegalArgumentException("name: '" + spec.id().name() + "' is too long (at most "
                    + (63 - KubernetesNames.SECRET_SUFFIX.length()) + " characters on Kubernetes)");
        }
        if (spec.isolation() == null) {
            throw new IllegalArgumentException("isolation: missing");
        }
        if (spec.isolation() == IsolationTier.PROCESS || spec.isolation() == IsolationTier.PROCESS_SANDBOXED) {
            throw new IllegalArgumentException("isolation: the Kubernetes runtime cannot run the '"
                    + spec.isolation().label() + "' tier; use standard, hypervisor or dedicated");
        }
        String image = spec.artifact() == null ? null : spec.artifact().image();
        if (image == null || image.length() > 512 || !IMAGE.matcher(image).matches()) {
            throw new IllegalArgumentException("artifact.image: not an OCI image reference: " + image);
        }
        if (spec.routePath() == null || !ROUTE_PATH.matcher(spec.routePath()).matches()) {
            throw new IllegalArgumentException("routePath: not an absolute URL path: " + spec.routePath());
        }
        if (spec.health() == null || spec.health().readinessPath() == null
                || !HTTP_PATH.matcher(spec.health().readinessPath()).matches()) {
            throw new IllegalArgumentException("health.readinessPath: not an absolute URL path");
        }
        if (spec.health().startupTimeoutSeconds() < 1) {
            throw new IllegalArgumentException("health.startupTimeoutSeconds: must be at least 1");
        }
        for (String name : spec.environment().keySet()) {
            if (!ENV_NAME.matcher(name).matches()) {
                // The value is never named: it may be a secret.
                throw new IllegalArgumentException("environment: not a variable name: " + name);
            }
        }
    }
}

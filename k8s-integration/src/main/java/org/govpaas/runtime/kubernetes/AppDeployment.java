package org.govpaas.runtime.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.Map;
import java.util.TreeMap;
import org.govpaas.runtime.AppSpec;

/**
 * An app's Deployment: {@code instances} pods of its image, each as locked down as Pod Security
 * {@code restricted} demands (the namespace enforces it; rendering it here makes a violation a
 * test failure rather than a pod the API server refuses at run time).
 */
public final class AppDeployment {

    public static final String CONTAINER = "app";
    static final String SCRATCH_VOLUME = "tmp";
    static final int PROBE_PERIOD_SECONDS = 5;

    private AppDeployment() {
    }

    /**
     * @param environmentVersion the resourceVersion of the app's Secret: a new one rolls the pods,
     *                           which {@code envFrom} alone would not. Not a digest of the values:
     *                           whoever reads Deployments must not be able to guess secrets from it.
     */
    public static Deployment desired(AppSpec spec, DepartmentLimits limits, KubernetesSettings settings,
                                     String environmentVersion) {
        IsolationPlacement placement = IsolationPlacement.of(spec.isolation(), spec.id().department(), settings);
        Map<String, String> labels = KubernetesNames.appLabels(spec.id());
        labels.put(KubernetesNames.ISOLATION, spec.isolation().label());
        return new DeploymentBuilder()
                .withNewMetadata()
                .withName(spec.id().name())
                .withNamespace(KubernetesNames.namespace(spec.id()))
                .withLabels(labels)
                .withAnnotations(new TreeMap<>(Map.of(KubernetesNames.GENERATION, String.valueOf(spec.generation()))))
                .endMetadata()
                .withNewSpec()
                .withReplicas(spec.instances())
                .withRevisionHistoryLimit(3)
                .withNewSelector().withMatchLabels(KubernetesNames.selector(spec.id())).endSelector()
                // One extra pod at a time and none taken away before its successor is ready: a
                // new generation rolls out with the app serving throughout.
                .withNewStrategy()
                .withType("RollingUpdate")
                .withNewRollingUpdate()
                .withMaxSurge(new IntOrString(1))
                .withMaxUnavailable(new IntOrString(0))
                .endRollingUpdate()
                .endStrategy()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(labels)
                .withAnnotations(podAnnotations(spec, environmentVersion))
                .endMetadata()
                .withNewSpec()
                .withServiceAccountName(spec.id().name())
                .withAutomountServiceAccountToken(false)
                // Service links would put every Service of the namespace into the app's environment.
                .withEnableServiceLinks(false)
                .withRuntimeClassName(placement.runtimeClassName())
                .withNodeSelector(placement.nodeSelector().isEmpty() ? null : placement.nodeSelector())
                .withTolerations(placement.tolerations().isEmpty() ? null : placement.tolerations())
                .withNewSecurityContext()
                .withRunAsNonRoot(true)
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .endSecurityContext()
                .addNewVolume()
                .withName(SCRATCH_VOLUME)
                .withNewEmptyDir().withSizeLimit(new Quantity("256Mi")).endEmptyDir()
                .endVolume()
                .withContainers(container(spec, limits))
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    /** Without a restart asked for, no restart annotation: pods made before it existed do not roll. */
    private static Map<String, String> podAnnotations(AppSpec spec, String environmentVersion) {
        Map<String, String> annotations = new TreeMap<>(Map.of(KubernetesNames.ENVIRONMENT_VERSION, environmentVersion));
        if (spec.restartGeneration() > 0) {
            annotations.put(KubernetesNames.RESTART_GENERATION, String.valueOf(spec.restartGeneration()));
        }
        return annotations;
    }

    private static Container container(AppSpec spec, DepartmentLimits limits) {
        Quantity memory = DepartmentQuota.mebibytes(spec.memoryMb());
        return new ContainerBuilder()
                .withName(CONTAINER)
                .withImage(spec.artifact().image())
                .addNewPort().withName("http").withContainerPort(KubernetesNames.APP_PORT).withProtocol("TCP").endPort()
                .addNewEnvFrom().withNewSecretRef().withName(KubernetesNames.secretName(spec.id())).endSecretRef().endEnvFrom()
                // Explicit env wins over envFrom in Kubernetes: the platform's variables cannot be
                // shadowed by the spec's environment.
                .addNewEnv().withName("PORT").withValue(String.valueOf(KubernetesNames.APP_PORT)).endEnv()
                .addNewEnv().withName("SERVER_PORT").withValue(String.valueOf(KubernetesNames.APP_PORT)).endEnv()
                .addNewEnv().withName("GOVPAAS_ROUTE_PATH").withValue(spec.routePath()).endEnv()
                .withNewResources()
                .withRequests(new TreeMap<>(Map.of("memory", memory,
                        "cpu", DepartmentQuota.millicores(limits.cpuMillisPerInstance()))))
                // No CPU limit: throttling a JVM at start-up makes it miss its startup probe.
                .withLimits(new TreeMap<>(Map.of("memory", memory)))
                .endResources()
                .withNewSecurityContext()
                .withRunAsNonRoot(true)
                .withAllowPrivilegeEscalation(false)
                .withReadOnlyRootFilesystem(true)
                .withNewCapabilities().withDrop("ALL").endCapabilities()
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .endSecurityContext()
                .addNewVolumeMount().withName(SCRATCH_VOLUME).withMountPath("/tmp").endVolumeMount()
                .withStartupProbe(probe(spec, PROBE_PERIOD_SECONDS, startupFailureThreshold(spec)))
                .withReadinessProbe(probe(spec, PROBE_PERIOD_SECONDS, 3))
                .withLivenessProbe(probe(spec, 10, 3))
                .build();
    }

    /** The startup probe gives an instance {@code startupTimeoutSeconds} before it counts as failed. */
    static int startupFailureThreshold(AppSpec spec) {
        int seconds = spec.health().startupTimeoutSeconds();
        return Math.max(1, (seconds + PROBE_PERIOD_SECONDS - 1) / PROBE_PERIOD_SECONDS);
    }

    private static Probe probe(AppSpec spec, int periodSeconds, int failureThreshold) {
        return new ProbeBuilder()
                .withNewHttpGet().withPath(spec.health().readinessPath()).withPort(new IntOrString("http")).endHttpGet()
                .withPeriodSeconds(periodSeconds)
                .withTimeoutSeconds(2)
                .withFailureThreshold(failureThreshold)
                .build();
    }
}

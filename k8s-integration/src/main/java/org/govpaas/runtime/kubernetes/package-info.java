/**
 * The Kubernetes runtime: a department is a namespace ({@code govpaas-<department>}, Pod
 * Security {@code restricted}, a quota, deny-by-default network policies), an app is a
 * Deployment, Service, Ingress, Secret, ServiceAccount and, from two instances on, a
 * PodDisruptionBudget. One small class per kind renders the desired object from the
 * {@link org.govpaas.runtime.AppSpec}, the {@link org.govpaas.runtime.kubernetes.DepartmentLimits}
 * and the {@link org.govpaas.runtime.kubernetes.KubernetesSettings}; {@link
 * org.govpaas.runtime.kubernetes.KubernetesRuntime} renders them all and writes only what differs
 * (see {@link org.govpaas.runtime.kubernetes.ObjectApplier}), so applying the same spec twice
 * sends reads only. It keeps no state: objects are found again by their labels.
 *
 * <p>Around it: {@link org.govpaas.runtime.kubernetes.LeaseLeadership} (one platform replica
 * reconciles, through a Lease), {@link org.govpaas.runtime.kubernetes.PodUsage} (usage from the
 * metrics API, else from requests), {@link org.govpaas.runtime.kubernetes.ClusterBackoff} (an
 * unreachable or failing API server is named and backed off from, never hammered) and
 * {@link org.govpaas.runtime.kubernetes.AppHttpRoute} (the Gateway API instead of Ingress). The
 * runtime contract suite runs against it on the mock API server with a simulated kubelet
 * ({@code KubernetesRuntimeContractTest}); {@link org.govpaas.runtime.kubernetes.PodLogFollower}
 * follows the pods' output, and {@link org.govpaas.runtime.kubernetes.AppStatusWatch} tells the
 * control plane of an app whose status changed (informers on the runtime's Deployments and pods).
 *
 * The hypervisor tier's pod overhead is read from its RuntimeClass ({@link
 * org.govpaas.runtime.kubernetes.RuntimeClassOverhead}); the platform counts it in quota and cost.
 *
 * <p>Not yet here: removing a department's namespace; a stable {@code GOVPAAS_INSTANCE_INDEX} (a Deployment has
 * no ordinal; a StatefulSet with the {@code apps.kubernetes.io/pod-index} label would).
 */
package org.govpaas.runtime.kubernetes;

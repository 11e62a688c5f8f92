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
 * <p>Not yet here. The runtime contract suite ({@code AbstractAppRuntimeContractTest}) does not
 * run against this runtime: it needs instances answering HTTP, which the fabric8 mock API server
 * cannot provide. It needs either a test kubelet (a watcher on the mock that starts the
 * contract's TestApp jar as a process per pod and writes the pod's status back) or a real
 * cluster (kind or k3s) in CI. The contract's {@code GOVPAAS_INSTANCE_INDEX}, stable per
 * instance, is not provided: a Deployment has no stable ordinal (a StatefulSet, with the
 * {@code apps.kubernetes.io/pod-index} label passed through the downward API, would). Also
 * missing from issue 5: {@code followLogs}; Events in status; leader election on a Lease so that
 * one platform replica reconciles; usage for metering from the metrics API; the Gateway API
 * HTTPRoute option; the RuntimeClass overhead in cost; refusing tiers a template or department
 * does not allow (the control plane's part); removing a department's namespace; backoff on
 * cluster errors (callers get fabric8's exception); the Helm chart; the 500-app benchmark.
 */
package org.govpaas.runtime.kubernetes;

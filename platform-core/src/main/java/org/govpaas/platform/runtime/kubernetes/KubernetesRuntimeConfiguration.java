package org.govpaas.platform.runtime.kubernetes;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.govpaas.identity.adapter.Caller;
import org.govpaas.platform.department.Department;
import org.govpaas.platform.department.DepartmentService;
import org.govpaas.runtime.AppRuntime;
import org.govpaas.runtime.ReconcileLeadership;
import org.govpaas.runtime.kubernetes.DepartmentLimits;
import org.govpaas.runtime.kubernetes.KubernetesRuntime;
import org.govpaas.runtime.kubernetes.LeaseLeadership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.govpaas.platform.system.NotFoundException;

/**
 * The cluster mode: with {@code govpaas.runtime.kind=kubernetes} apps run on Kubernetes through
 * {@link KubernetesRuntime}, and the platform's replicas elect one reconciler through a Lease
 * ({@link LeaseLeadership}); the others serve the console, API and portal and read status.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KubernetesRuntimeProperties.class)
@ConditionalOnProperty(prefix = "govpaas.runtime", name = "kind", havingValue = "kubernetes")
class KubernetesRuntimeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KubernetesRuntimeConfiguration.class);
    /** The runtime reads every department's quota, as the platform itself, never as a user. */
    private static final Caller RUNTIME = new Caller("kubernetes-runtime", "Kubernetes runtime",
            Set.of(Caller.PLATFORM_ADMIN), Map.of());

    /**
     * In-cluster service account, else kubeconfig. fabric8's own retries are cut to two: a cluster
     * that is away is the runtime's back-off's to handle, not a reconcile pass blocked for minutes.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    KubernetesClient kubernetesClient() {
        return new KubernetesClientBuilder().withConfig(new ConfigBuilder(Config.autoConfigure(null))
                .withRequestRetryBackoffLimit(2).withConnectionTimeout(5_000).withRequestTimeout(15_000).build()).build();
    }

    @Bean
    AppRuntime kubernetesRuntime(KubernetesClient client, KubernetesRuntimeProperties properties,
                                 DepartmentService departments) {
        return new KubernetesRuntime(client, properties.settings(), departmentLimits(departments, properties));
    }

    @Bean(destroyMethod = "close")
    LeaseLeadership reconcileLeadership(KubernetesClient client, KubernetesRuntimeProperties properties) {
        String namespace = Optional.ofNullable(properties.leaseNamespace())
                .or(() -> Optional.ofNullable(System.getenv("POD_NAMESPACE"))).orElse(client.getNamespace());
        String identity = Optional.ofNullable(properties.identity())
                .or(() -> Optional.ofNullable(System.getenv("HOSTNAME"))).orElse("govpaas-" + ProcessHandle.current().pid());
        LeaseLeadership leadership = new LeaseLeadership(client, namespace == null ? "default" : namespace,
                properties.leaseName(), identity, properties.leaseTiming(),
                leader -> log.info("Apps are reconciled by platform replica {}", leader));
        leadership.start();
        return leadership;
    }

    static Function<String, DepartmentLimits> departmentLimits(DepartmentService departments,
                                                              KubernetesRuntimeProperties properties) {
        return code -> {
            try {
                Department department = departments.get(RUNTIME, code);
                return new DepartmentLimits(department.maxInstances(), department.maxMemoryMib(),
                        properties.cpuMillisPerInstance());
            } catch (NotFoundException e) {
                return null; // no such department: the runtime refuses the app with that reason
            }
        };
    }
}

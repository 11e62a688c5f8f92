package org.govpaas.platform.runtime;

import java.nio.file.Path;
import org.govpaas.runtime.AppRuntime;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Provides the {@link AppRuntime} of the one-machine mode, unless {@code govpaas.runtime.kind}
 * names another runtime (the Kubernetes one in a cluster).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LocalRuntimeProperties.class)
@ConditionalOnProperty(prefix = "govpaas.runtime", name = "kind", havingValue = "local", matchIfMissing = true)
class LocalRuntimeConfiguration {

    /** Closing ends supervision only: apps keep running so the next start of the platform adopts them. */
    @Bean(destroyMethod = "close")
    AppRuntime localRuntime(LocalRuntimeProperties properties, Environment environment) {
        Path dataDir = Path.of(environment.getProperty("govpaas.data-dir", "data"));
        return new LocalRuntime(properties.withDefaults(dataDir));
    }
}

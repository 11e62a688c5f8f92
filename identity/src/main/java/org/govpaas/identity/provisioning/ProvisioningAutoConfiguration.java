package org.govpaas.identity.provisioning;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.govpaas.identity.adapter.IdentityProperties;

/** Only applications with the admin client on their class path (the control plane) get this. */
@AutoConfiguration
@ConditionalOnClass(name = "org.keycloak.admin.client.Keycloak")
@ConditionalOnProperty("govpaas.identity.provisioning.client-id")
@EnableConfigurationProperties({ProvisioningProperties.class, IdentityProperties.class})
public class ProvisioningAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    KeycloakProvisioning keycloakProvisioning(IdentityProperties identity, ProvisioningProperties properties) {
        return new KeycloakProvisioning(identity.keycloakUrl().toString(), properties);
    }
}

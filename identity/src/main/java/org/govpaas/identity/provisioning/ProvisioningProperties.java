package org.govpaas.identity.provisioning;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service-account client the control plane uses in each realm (the same client id and
 * secret exist in both realms, see {@code identity/keycloak/realms}).
 */
@ConfigurationProperties("govpaas.identity.provisioning")
public record ProvisioningProperties(
        String clientId,
        String clientSecret,
        @DefaultValue("govpaas-staff") String staffRealm,
        @DefaultValue("govpaas-citizens") String citizenRealm) {
}

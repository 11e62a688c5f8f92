/**
 * Identity for everything GovPaaS runs: the platform console and API, and every gov-app.
 *
 * <p>{@code adapter} turns Keycloak tokens into a {@link org.govpaas.identity.adapter.Caller}
 * (platform roles plus department memberships) and wires Spring Security for OIDC login and
 * bearer tokens; it needs nothing but Spring Security, so gov-apps can use it without the admin
 * client. {@code provisioning} creates department groups, members and (later) per-app clients
 * through the Keycloak admin API; only the control plane uses it.
 */
package org.govpaas.identity;

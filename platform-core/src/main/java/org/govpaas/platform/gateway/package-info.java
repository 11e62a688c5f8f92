/**
 * The citizen gateway: citizens reach a department's running app at {@code /apps/{dept}/{app}/}
 * on the platform's own address, so an app never needs a public port or host name of its own on
 * one machine. Requests are forwarded unchanged to the app's ready instances (found through the
 * {@link org.govpaas.platform.apps.AppDirectory}, so routes follow apps as they come and go),
 * spread round-robin, with the platform's session kept out of reach of the apps; an app that is
 * unknown or not serving answers with a friendly bilingual page instead of an error.
 *
 * <p>Citizen traffic never enters the platform's own request processing: the gateway's routes
 * (Spring Cloud Gateway, server webmvc) run in the first servlet filter
 * ({@code GatewayServletFilter}), and the exchange with an instance is Apache HttpClient's
 * ({@code AppProxyExchange}). See bench/gateway/README.md for what that saves.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Citizen gateway")
package org.govpaas.platform.gateway;

/**
 * The citizen gateway: citizens reach a department's running app at {@code /apps/{dept}/{app}/}
 * on the platform's own address, so an app never needs a public port or host name of its own on
 * one machine. Requests are forwarded unchanged to the app's ready instances (found through the
 * {@link org.govpaas.platform.apps.AppDirectory}, so routes follow apps as they come and go),
 * spread round-robin, with the platform's session kept out of reach of the apps and each app's
 * pages out of reach of the other apps' pages on the shared origin ({@code SharedOrigin}); an app that is
 * unknown or not serving answers with a friendly bilingual page instead of an error.
 *
 * <p>Citizens' page requests never enter the platform's own request processing: the gateway's
 * {@code FrontServer} (Netty) holds the platform's public port and forwards a {@code GET} or
 * {@code HEAD} for a serving app from its event loops, where no request passes between threads
 * ({@code FrontConnection}, {@code FrontRoutes}). Everything else it passes to the platform's own
 * server, Tomcat on a loopback port ({@code FrontedTomcatFactory}): the console, the API, form
 * posts and uploads to apps, and the gateway's pages. There the gateway's Spring Cloud Gateway
 * routes (server webmvc) run in the first servlet filter ({@code GatewayServletFilter}) with
 * Apache HttpClient for the exchange ({@code AppProxyExchange}). Both paths apply the same
 * {@code AppHeaders} rules. See bench/gateway/README.md for what each costs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Citizen gateway")
package org.govpaas.platform.gateway;

package org.govpaas.platform.gateway;

import static org.springframework.web.servlet.function.RequestPredicates.path;

import java.time.Duration;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.tomcat.TomcatProtocolHandlerCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.gateway.server.mvc.filter.FormFilter;
import org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions;
import org.springframework.cloud.gateway.server.mvc.handler.ProxyExchange;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * One Spring Cloud Gateway (server webmvc) route for every app: the target is not known when the
 * route is built, so {@link AppGateway} looks it up per request and hands the exchange to the
 * gateway's {@link ProxyExchange}.
 */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    static final String ROUTE_ID = "citizen-apps";
    /** Apps run on this machine or cluster: a refused or silent connection is known quickly. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /**
     * How long an app may stay silent once it has the whole request, or between two parts of its
     * answer, before the citizen is told it did not answer in time (504) instead of waiting for
     * ever on an app that hangs; nginx's proxy_read_timeout has the same default.
     */
    static final String ANSWER_TIMEOUT = "${govpaas.gateway.answer-timeout:60s}";
    /** Connections kept to one instance: enough for the platform's request threads under load. */
    static final int MAX_CONNECTIONS_PER_INSTANCE = 128;
    static final int MAX_CONNECTIONS = 1024;

    /**
     * The gateway's routes, run by {@link GatewayServletFilter} for everything under
     * {@code /apps}; not a bean, so the {@code DispatcherServlet} never maps these paths too.
     */
    static RouterFunction<ServerResponse> citizenAppRoutes(AppGateway gateway) {
        return GatewayRouterFunctions.route(ROUTE_ID)
                .route(path("/apps/{department}/{app}"), gateway::addTrailingSlash)
                .route(path("/apps/{department}/{app}/**"), gateway::forward)
                .route(path("/apps").or(path("/apps/**")), gateway::notFound)
                .build();
    }

    @Bean
    FilterRegistrationBean<GatewayServletFilter> gatewayServletFilter(AppGateway gateway, HttpFirewall firewall,
                                                                      ThymeleafViewResolver views, LocaleResolver locales) {
        FilterRegistrationBean<GatewayServletFilter> registration = new FilterRegistrationBean<>(
                new GatewayServletFilter(citizenAppRoutes(gateway), firewall, views, locales));
        registration.addUrlPatterns("/apps/*"); // "/apps" itself included
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * The client towards the instances: plain HTTP/1.1 over pooled keep-alive connections, and
     * nothing a browser-like client would add. It never follows an app's redirects (the browser
     * must see them), keeps no cookies (they belong to each citizen, not to the platform), does
     * not ask for or undo compression (the body passes through as the app sent it), adds no
     * User-Agent or TLS upgrade offer, and never retries by itself: {@link AppGateway} decides
     * what is safe to try again. Apache HttpClient costs the platform markedly less CPU per
     * request than the JDK's HttpClient, whose asynchronous machinery does a blocking exchange
     * through several threads (see bench/gateway/README.md).
     */
    @Bean(destroyMethod = "close")
    CloseableHttpClient appHttpClient(@Value(ANSWER_TIMEOUT) Duration answerTimeout) {
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnPerRoute(MAX_CONNECTIONS_PER_INSTANCE)
                .setMaxConnTotal(MAX_CONNECTIONS)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(CONNECT_TIMEOUT))
                        .setSocketTimeout(Timeout.of(answerTimeout))
                        // An instance may have closed a connection that sat idle in the pool.
                        .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                        .build())
                .build();
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom().setProtocolUpgradeEnabled(false).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableContentCompression()
                .disableAuthCaching()
                .disableDefaultUserAgent()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
    }

    /**
     * The platform's web server: Tomcat behind the gateway's {@link FrontServer}. Takes the place
     * of Spring Boot's own factory, so it takes the customizers Boot would have given that one.
     */
    @Bean
    FrontedTomcatFactory tomcatServletWebServerFactory(ObjectProvider<FrontRoutes> routes,
                                                       @Value(ANSWER_TIMEOUT) Duration answerTimeout,
                                                       ObjectProvider<TomcatConnectorCustomizer> connectorCustomizers,
                                                       ObjectProvider<TomcatContextCustomizer> contextCustomizers,
                                                       ObjectProvider<TomcatProtocolHandlerCustomizer<?>> protocolHandlerCustomizers) {
        FrontedTomcatFactory factory = new FrontedTomcatFactory(routes, answerTimeout);
        factory.getConnectorCustomizers().addAll(connectorCustomizers.orderedStream().toList());
        factory.getContextCustomizers().addAll(contextCustomizers.orderedStream().toList());
        factory.getProtocolHandlerCustomizers().addAll(protocolHandlerCustomizers.orderedStream().toList());
        return factory;
    }

    /** Replaces the gateway's default exchange, which would go through Spring's RestClient. */
    @Bean
    ProxyExchange appProxyExchange(CloseableHttpClient appHttpClient) {
        return new AppProxyExchange(appHttpClient);
    }

    /**
     * Takes the place of the gateway's form filter, which would otherwise run on every path: it
     * hides form fields from {@code getParameter}, which would break the console's forms and their
     * CSRF tokens. Apps get form bodies byte for byte, as {@link GatewayServletFilter} reads no
     * parameter. Declared only to be disabled.
     */
    @Bean
    FormFilter formFilter() {
        return new FormFilter();
    }

    @Bean
    FilterRegistrationBean<FormFilter> formFilterDisabled(FormFilter formFilter) {
        FilterRegistrationBean<FormFilter> registration = new FilterRegistrationBean<>(formFilter);
        registration.setEnabled(false);
        return registration;
    }
}

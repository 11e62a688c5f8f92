package org.govpaas.platform.gateway;

import static org.springframework.web.servlet.function.RequestPredicates.path;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.gateway.server.mvc.config.GatewayMvcProperties;
import org.springframework.cloud.gateway.server.mvc.filter.FormFilter;
import org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions;
import org.springframework.cloud.gateway.server.mvc.handler.ProxyExchange;
import org.springframework.cloud.gateway.server.mvc.handler.RestClientProxyExchange;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

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

    @Bean
    RouterFunction<ServerResponse> citizenAppRoutes(AppGateway gateway) {
        return GatewayRouterFunctions.route(ROUTE_ID)
                .route(path("/apps/{department}/{app}"), gateway::addTrailingSlash)
                .route(path("/apps/{department}/{app}/**"), gateway::forward)
                .route(path("/apps").or(path("/apps/**")), gateway::notFound)
                .build();
    }

    /**
     * Replaces the gateway's default exchange (which takes whatever HTTP client the platform has)
     * with one that speaks plain HTTP/1.1 to the instances (no h2c upgrade attempts) and never
     * follows an app's redirects: the browser must see them.
     */
    @Bean
    ProxyExchange appProxyExchange(GatewayMvcProperties properties) {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
        return new RestClientProxyExchange(
                RestClient.builder().requestFactory(new JdkClientHttpRequestFactory(client)).build(), properties);
    }

    /**
     * Apps get their request bodies unparsed (see {@link QueryOnlyParameters}); it runs before
     * any filter that could read a parameter.
     */
    @Bean
    FilterRegistrationBean<QueryOnlyParameters> queryOnlyParametersForApps() {
        FilterRegistrationBean<QueryOnlyParameters> registration = new FilterRegistrationBean<>(new QueryOnlyParameters());
        registration.addUrlPatterns("/apps/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /**
     * Takes the place of the gateway's form filter, which would otherwise run on every path: it
     * hides form fields from {@code getParameter}, which would break the console's forms and their
     * CSRF tokens, and it rebuilds form bodies (not byte for byte). Declared only to be disabled.
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

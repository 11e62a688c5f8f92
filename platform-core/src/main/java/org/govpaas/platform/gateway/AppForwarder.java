package org.govpaas.platform.gateway;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.govpaas.platform.apps.AppDirectory.Route;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.server.mvc.handler.ProxyExchange;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Sends one request to one instance through the gateway's {@link ProxyExchange}, which streams
 * the body both ways, with {@link AppHeaders}' rules applied in each direction.
 *
 * <p>Unlike the gateway's stock HTTP handler, the path and query are taken exactly as the browser
 * sent them: re-encoding the parsed query would change values such as {@code a%2Bb}.
 */
@Component
class AppForwarder {

    private final ProxyExchange proxy;
    private final String platformSessionCookie;

    AppForwarder(ProxyExchange proxy,
                 @Value("${server.servlet.session.cookie.name:JSESSIONID}") String platformSessionCookie) {
        this.proxy = proxy;
        this.platformSessionCookie = platformSessionCookie;
    }

    /**
     * @throws java.io.UncheckedIOException when the instance cannot be reached or fails before
     *         answering
     */
    ServerResponse forward(ServerRequest request, Route route, URI instance) {
        HttpServletRequest servlet = request.servletRequest();
        String query = servlet.getQueryString();
        URI target = URI.create(instance.getScheme() + "://" + instance.getRawAuthority() + servlet.getRequestURI()
                + (query == null ? "" : "?" + query));

        ProxyExchange.Request exchange = proxy.request(request)
                .uri(target)
                .headers(AppHeaders.towardsApp(request.headers().asHttpHeaders(), new AppHeaders.Citizen(
                        servlet.getRemoteAddr(), servlet.getScheme(), servlet.getServerName(), servlet.getServerPort()),
                        route.routePath(), platformSessionCookie))
                .responseConsumer((answer, response) -> AppHeaders.fromApp(answer.getHeaders(), response.headers(),
                        platformSessionCookie, route.routePath()))
                .build();
        return proxy.exchange(exchange);
    }
}

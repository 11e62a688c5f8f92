package org.govpaas.platform.gateway;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.govpaas.platform.apps.AppDirectory.Route;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.RequestHttpHeadersFilter;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.ResponseHttpHeadersFilter;
import org.springframework.cloud.gateway.server.mvc.handler.ProxyExchange;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Sends one request to one instance through the gateway's {@link ProxyExchange}, which streams
 * the body both ways. The gateway's own header filters run first (hop-by-hop headers, content
 * length, client-sent {@code Forwarded}/{@code X-Forwarded-*}), then {@link AppHeaders}.
 *
 * <p>Unlike the gateway's stock HTTP handler, the path and query are taken exactly as the browser
 * sent them: re-encoding the parsed query would change values such as {@code a%2Bb}.
 */
@Component
class AppForwarder {

    private final ProxyExchange proxy;
    private final List<RequestHttpHeadersFilter> requestFilters;
    private final List<ResponseHttpHeadersFilter> responseFilters;
    private final String platformSessionCookie;

    AppForwarder(ProxyExchange proxy, List<RequestHttpHeadersFilter> requestFilters,
                 List<ResponseHttpHeadersFilter> responseFilters,
                 @Value("${server.servlet.session.cookie.name:JSESSIONID}") String platformSessionCookie) {
        this.proxy = proxy;
        this.requestFilters = requestFilters;
        this.responseFilters = responseFilters;
        this.platformSessionCookie = platformSessionCookie;
    }

    /**
     * @throws org.springframework.web.client.ResourceAccessException when the instance cannot be
     *         reached or fails before answering
     */
    ServerResponse forward(ServerRequest request, Route route, URI instance) {
        HttpServletRequest servlet = request.servletRequest();
        String query = servlet.getQueryString();
        URI target = URI.create(instance.getScheme() + "://" + instance.getRawAuthority() + servlet.getRequestURI()
                + (query == null ? "" : "?" + query));

        HttpHeaders headers = request.headers().asHttpHeaders();
        for (RequestHttpHeadersFilter filter : requestFilters) {
            headers = filter.apply(headers, request);
        }
        headers = AppHeaders.towardsApp(headers, request, route.routePath(), platformSessionCookie);

        ProxyExchange.Request exchange = proxy.request(request)
                .uri(target)
                .headers(headers)
                .responseConsumer((response, serverResponse) -> {
                    HttpHeaders answer = response.getHeaders();
                    for (ResponseHttpHeadersFilter filter : responseFilters) {
                        answer = filter.apply(answer, serverResponse);
                    }
                    serverResponse.headers().putAll(AppHeaders.fromApp(answer, platformSessionCookie, route.routePath()));
                })
                .build();
        return proxy.exchange(exchange);
    }
}

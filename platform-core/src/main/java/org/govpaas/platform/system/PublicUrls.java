package org.govpaas.platform.system;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * How citizens reach the platform: {@code GOVPAAS_PUBLIC_URL} when set (behind an ingress, say),
 * otherwise the address the current request came in on (forwarded headers honoured), and
 * outside a request (the reconciler registering an app's sign-in redirects, say) the server's own
 * address and the port it really listens on: {@code http://localhost:8080} by default.
 */
@Component
public class PublicUrls implements ApplicationListener<WebServerInitializedEvent> {

    private final String configured;
    private final String host;
    private volatile int port;

    PublicUrls(@Value("${govpaas.public-url:}") String configured, @Value("${server.port:8080}") int port,
               @Value("${server.address:}") String address) {
        this.configured = strip(configured);
        this.port = port;
        this.host = address.isBlank() || address.equals("0.0.0.0") || address.equals("::") ? "localhost" : address;
    }

    /** A random port ({@code server.port=0}) is only known once the server listens; a management server has its own. */
    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            port = event.getWebServer().getPort();
        }
    }

    /** The base URL without a trailing slash. */
    public String base() {
        if (!configured.isEmpty()) {
            return configured;
        }
        if (RequestContextHolder.getRequestAttributes() != null) {
            return strip(ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
        }
        return "http://" + host + ":" + (port == 0 ? 8080 : port);
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

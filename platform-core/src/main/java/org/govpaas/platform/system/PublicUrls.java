package org.govpaas.platform.system;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * How citizens reach the platform: {@code GOVPAAS_PUBLIC_URL} when set (behind an ingress, say),
 * otherwise the address the current request came in on (forwarded headers honoured), and
 * outside a request {@code http://localhost:<port>}.
 */
@Component
public class PublicUrls {

    private final String configured;
    private final int port;

    PublicUrls(@Value("${govpaas.public-url:}") String configured, @Value("${server.port:8080}") int port) {
        this.configured = strip(configured);
        this.port = port;
    }

    /** The base URL without a trailing slash. */
    public String base() {
        if (!configured.isEmpty()) {
            return configured;
        }
        if (RequestContextHolder.getRequestAttributes() != null) {
            return strip(ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
        }
        return "http://localhost:" + (port == 0 ? 8080 : port);
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

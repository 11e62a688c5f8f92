package org.govpaas.platform.gateway;

import java.util.HashMap;
import java.util.Map;
import org.govpaas.platform.apps.AppDirectory.Route;
import org.govpaas.platform.system.Bilingual;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The gateway's own answers, in Chinese and English at once: a citizen who follows a link to an
 * app has not chosen a language on the platform yet. The {@code /apps/**} security chain adds no
 * headers (apps set their own), so these pages set the platform's strict ones themselves.
 */
@Component
class GatewayPages {

    static final String VIEW = "gateway/unavailable";

    private final Bilingual text;

    GatewayPages(Bilingual text) {
        this.text = text;
    }

    ServerResponse notFound() {
        return page(HttpStatus.NOT_FOUND, "notFound", null);
    }

    /** @param route the app, or null when even the directory could not be asked */
    ServerResponse unavailable(Route route) {
        return page(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", route);
    }

    /** A request from another page of the shared origin ({@link SharedOrigin}); no app is named. */
    ServerResponse fromAnotherPage() {
        return page(HttpStatus.FORBIDDEN, "fromAnotherPage", null);
    }

    /** An instance accepted the request and then failed without an answer. */
    ServerResponse badGateway(Route route) {
        return page(HttpStatus.BAD_GATEWAY, "badGateway", route);
    }

    /** An instance had the request and stayed silent past the answer timeout. */
    ServerResponse gatewayTimeout(Route route) {
        return page(HttpStatus.GATEWAY_TIMEOUT, "gatewayTimeout", route);
    }

    private ServerResponse page(HttpStatus status, String kind, Route route) {
        Map<String, Object> model = new HashMap<>();
        model.put("currentUser", null);
        model.put("text", text);
        model.put("kind", kind);
        model.put("appNameZh", route == null ? null : route.nameZh());
        model.put("appNameEn", route == null ? null : route.nameEn());
        return ServerResponse.status(status)
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                        + "script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "strict-origin-when-cross-origin")
                .render(VIEW, model);
    }
}

package org.govpaas.platform.gateway;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.function.Function;

/**
 * Every app is served on the platform's own host, so to a browser all apps are one origin: left
 * alone, a script in one department's app page could read another department's app pages with the
 * citizen's cookies for that app (fetch), frame them and read the frame, or open them and read the
 * window. The gateway keeps an app's pages to the app itself as far as the browser says where a
 * request comes from (the Fetch Metadata request headers, which no page can set, and the
 * {@code Referer}, which a page can: a script may send any address of its own origin as its
 * referrer, or move its own page's address to another app's path first):
 * <ul>
 * <li>a request sent from a page of this origin reaches an app only when it is a top-level
 * navigation (a link followed, a form sent, an address typed), or when it comes from a page of
 * that same app: its {@code Referer} lies within the app's route (the referrer policy browsers and
 * the app kit use sends the whole address within an origin). Fetches, frames and embedded
 * resources from any other page of the origin are refused ({@code 403});</li>
 * <li>an app's answer opens its page in a browsing context group of its own
 * ({@code Cross-Origin-Opener-Policy: noopener-allow-popups}, set by {@link AppHeaders}), so a
 * page that opened it in a new window holds no handle on it.</li>
 * </ul>
 * Requests without fetch metadata (clients other than browsers, and browsers over plain HTTP to a
 * host other than localhost, which send none) and requests from other sites (whose pages the
 * same-origin policy already keeps from the answer) are left alone.
 *
 * <p>So this stops frames, embedded resources and plain fetches from another app's page, not a
 * script written to get around it: apps on one origin cannot be kept apart by the browser. That
 * takes an origin per app (a host name of its own), which the route {@code /apps/{dept}/{app}/}
 * on the platform's host rules out.
 */
final class SharedOrigin {

    private SharedOrigin() {
    }

    /**
     * Whether a request for the app at {@code routePath} was sent by a page of this origin that is
     * not the app's own, other than by a top-level navigation; such a request must not reach it.
     * Headers are looked up only as far as needed: a request without fetch metadata (every
     * non-browser client) costs one lookup on the gateway's page path.
     *
     * @param header the request's first value of a header, null when absent
     */
    static boolean fromAnotherPage(Function<String, String> header, String routePath) {
        String site = header.apply("Sec-Fetch-Site");
        if (site == null || !site.equalsIgnoreCase("same-origin")) {
            return false;
        }
        String dest = header.apply("Sec-Fetch-Dest");
        if ("navigate".equalsIgnoreCase(header.apply("Sec-Fetch-Mode"))
                && (dest == null || "document".equalsIgnoreCase(dest))) {
            return false;
        }
        String referer = header.apply("Referer");
        return referer == null || !refersWithin(referer, routePath);
    }

    private static boolean refersWithin(String referer, String routePath) {
        try {
            String path = new URI(referer).getRawPath();
            return path != null && AppHeaders.withinRoute(path, routePath);
        } catch (URISyntaxException e) {
            return false;
        }
    }
}

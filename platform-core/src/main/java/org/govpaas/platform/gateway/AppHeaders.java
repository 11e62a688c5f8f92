package org.govpaas.platform.gateway;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.springframework.http.HttpHeaders;

/**
 * The header rules between citizens and apps, each applied in one pass over the headers. Apps sit
 * behind the platform and learn the public address from {@code X-Forwarded-*}, which only the
 * platform sets (client-sent values are never passed on). Hop-by-hop headers stay at the gateway
 * in both directions (RFC 9110, 7.6.1). The platform's session cookie is a staff credential: it
 * never reaches an app, and an app cannot set it.
 *
 * <p>Each rule reads a message's headers one value at a time and hands what passes to a sink, so
 * the front server applies it to Netty's headers and the servlet gateway to Spring's, without
 * copying them into another type first; header names are compared regardless of case.
 */
final class AppHeaders {

    static final String FOR = "X-Forwarded-For";
    static final String PROTO = "X-Forwarded-Proto";
    static final String HOST = "X-Forwarded-Host";
    static final String PORT = "X-Forwarded-Port";
    static final String PREFIX = "X-Forwarded-Prefix";

    /**
     * Apps share the console's origin, so these are the platform's alone.
     * {@code Cross-Origin-Opener-Policy}: the console's {@code same-origin} keeps a console window
     * out of reach of the app page that opened it (or that it opened) only while no app page
     * carries the same policy; every app page carries {@link #OPENER_POLICY} instead.
     * {@code Clear-Site-Data} would clear the whole origin's cookies and storage, the staff's
     * console session with them. {@code NEL} with {@code Report-To} would have the browser report
     * every request to the origin (console addresses and other apps' included) to the app's
     * address; {@code Strict-Transport-Security} and {@code Alt-Svc} bind the whole host.
     */
    private static final Set<String> APP_MAY_NOT_SET = names("cross-origin-opener-policy", "clear-site-data",
            "nel", "report-to", "strict-transport-security", "alt-svc");
    /**
     * An app page opens in a browsing context group of its own, even when a page of the same
     * origin (another app's) opened it, which then holds no handle on it ({@link SharedOrigin}).
     * Browsers that do not know the value (Chromium has it from version 134) treat it as unset.
     */
    static final String OPENER_POLICY = "noopener-allow-popups";

    /** Never hop-by-hop, whatever a {@code Connection} header says. */
    private static final Set<String> NOT_HOP_BY_HOP = names("content-length", "host");
    /** Meant for one connection, or for the proxy itself. */
    private static final Set<String> HOP_BY_HOP = names("connection", "keep-alive", "proxy-connection", "te",
            "trailer", "transfer-encoding", "upgrade", "proxy-authorization", "proxy-authenticate");
    private static final String FORWARDED_PREFIX = "x-forwarded-";

    private AppHeaders() {
    }

    /**
     * Where a citizen's request came from and what address it was sent to, as the platform's
     * server resolved them (its trusted-proxy rules applied): never read from a header copy.
     */
    record Citizen(String remoteAddress, String scheme, String serverName, int serverPort) {
    }

    /**
     * The headers an instance gets: the citizen's, without hop-by-hop ones, without any the
     * citizen named in {@code Connection}, without {@code Host} (the instance's own is sent) and
     * the platform's session cookie, with the platform's {@code X-Forwarded-*} instead of any
     * the citizen sent.
     *
     * @param headers the citizen's headers, a value at a time
     * @param connection the values of the citizen's {@code Connection} headers
     * @param out given each header the instance gets
     * @param routePath the app's public path prefix, e.g. {@code /apps/health/clinic/}
     */
    static void towardsApp(Iterable<Map.Entry<String, String>> headers, List<String> connection,
                           BiConsumer<String, String> out, Citizen citizen, String routePath, String sessionCookie) {
        Set<String> hopByHop = hopByHop(connection);
        for (Map.Entry<String, String> header : headers) {
            String name = header.getKey();
            if (hopByHop.contains(name) || name.equalsIgnoreCase("host") || name.equalsIgnoreCase("forwarded")
                    || name.regionMatches(true, 0, FORWARDED_PREFIX, 0, FORWARDED_PREFIX.length())) {
                continue;
            }
            String value = header.getValue();
            if (name.equalsIgnoreCase("cookie")) {
                value = withoutCookie(value, sessionCookie);
                if (value.isEmpty()) {
                    continue;
                }
            }
            out.accept(name, value);
        }

        int port = citizen.serverPort();
        boolean defaultPort = port == ("https".equals(citizen.scheme()) ? 443 : 80);
        out.accept(FOR, citizen.remoteAddress());
        out.accept(PROTO, citizen.scheme());
        out.accept(HOST, defaultPort ? citizen.serverName() : citizen.serverName() + ":" + port);
        out.accept(PORT, String.valueOf(port));
        out.accept(PREFIX, routePath.endsWith("/") ? routePath.substring(0, routePath.length() - 1) : routePath);
    }

    /** {@link #towardsApp(Iterable, List, BiConsumer, Citizen, String, String)} for Spring's headers. */
    static HttpHeaders towardsApp(HttpHeaders headers, Citizen citizen, String routePath, String sessionCookie) {
        HttpHeaders out = new HttpHeaders();
        towardsApp(values(headers), headers.getOrEmpty(HttpHeaders.CONNECTION), out::add, citizen, routePath,
                sessionCookie);
        return out;
    }

    /**
     * The app's answer as the citizen gets it: without hop-by-hop headers (the platform's server
     * frames its own connection), without any attempt to set the platform's session cookie, with
     * the app's cookies confined to its route, without the headers by which a page could reach
     * beyond its app on the shared origin (see {@link #APP_MAY_NOT_SET}), and with the platform's
     * {@link #OPENER_POLICY}.
     *
     * @param out the citizen's response headers, added to
     */
    static void fromApp(Iterable<Map.Entry<String, String>> headers, List<String> connection,
                        BiConsumer<String, String> out, String sessionCookie, String routePath) {
        Set<String> hopByHop = hopByHop(connection);
        for (Map.Entry<String, String> header : headers) {
            String name = header.getKey();
            String value = header.getValue();
            if (hopByHop.contains(name) || APP_MAY_NOT_SET.contains(name)) {
                continue;
            }
            if (name.equalsIgnoreCase("service-worker-allowed")) {
                // A service worker may widen its scope only within the app's own route. A scope is
                // a plain prefix of addresses, so the route's final slash is part of it: without,
                // /apps/health/clinic would also cover /apps/health/clinic-records/.
                if (value.startsWith(routePath) && withinRoute(value, routePath)) {
                    out.accept(name, value);
                }
            } else if (name.equalsIgnoreCase("set-cookie")) {
                if (!isCookie(value, sessionCookie)) {
                    out.accept(name, confined(value, routePath));
                }
            } else {
                out.accept(name, value);
            }
        }
        out.accept("Cross-Origin-Opener-Policy", OPENER_POLICY);
    }

    /** {@link #fromApp(Iterable, List, BiConsumer, String, String)} for Spring's headers. */
    static void fromApp(HttpHeaders headers, HttpHeaders out, String sessionCookie, String routePath) {
        fromApp(values(headers), headers.getOrEmpty(HttpHeaders.CONNECTION), out::add, sessionCookie, routePath);
    }

    /** Spring's headers a value at a time, in their order. */
    private static List<Map.Entry<String, String>> values(HttpHeaders headers) {
        List<Map.Entry<String, String>> values = new ArrayList<>();
        headers.forEach((name, named) -> named.forEach(value -> values.add(Map.entry(name, value))));
        return values;
    }

    /**
     * Every app shares the platform's host, so an app's cookie must stay under the app's own
     * route: no {@code Domain} (which would widen it), and a {@code Path} inside the route.
     */
    static String confined(String setCookie, String routePath) {
        String[] parts = setCookie.split(";");
        StringBuilder out = new StringBuilder(parts[0].strip());
        boolean pathSet = false;
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].strip();
            String name = attribute.contains("=") ? attribute.substring(0, attribute.indexOf('=')).strip() : attribute;
            if (name.equalsIgnoreCase("Domain")) {
                continue;
            }
            if (name.equalsIgnoreCase("Path")) {
                String path = attribute.substring(attribute.indexOf('=') + 1).strip();
                if (!withinRoute(path, routePath)) {
                    attribute = "Path=" + routePath;
                }
                pathSet = true;
            }
            out.append("; ").append(attribute);
        }
        if (!pathSet) {
            out.append("; Path=").append(routePath);
        }
        return out.toString();
    }

    /**
     * A path the app may claim: its route or below (the route's own path without the final slash
     * too). Nothing escaped and no backslash: a browser reads a service worker's scope as an address,
     * where {@code %2e%2e} and {@code \} are {@code ..} and {@code /}, and would leave the route.
     */
    static boolean withinRoute(String path, String routePath) {
        return (path + "/").startsWith(routePath) && !path.contains("..") && path.indexOf('%') < 0
                && path.indexOf('\\') < 0;
    }

    /** One {@code Cookie} header's pairs without the named cookie; empty when nothing is left. */
    private static String withoutCookie(String cookieHeader, String name) {
        if (!cookieHeader.contains(name)) {
            return cookieHeader;
        }
        List<String> kept = new ArrayList<>();
        for (String pair : cookieHeader.split(";")) {
            if (!pair.isBlank() && !isCookie(pair.strip(), name)) {
                kept.add(pair.strip());
            }
        }
        return String.join("; ", kept);
    }

    private static boolean isCookie(String nameValue, String name) {
        int eq = nameValue.indexOf('=');
        return (eq < 0 ? nameValue : nameValue.substring(0, eq)).strip().equals(name);
    }

    /**
     * The standard hop-by-hop headers and those a {@code Connection} header names, in a set that
     * ignores case. A {@code Connection} header cannot name a message's length or {@code Host}: a
     * message stripped of its framing would let its body pass for a message of its own.
     */
    static Set<String> hopByHop(List<String> connection) {
        if (connection.isEmpty()) {
            return HOP_BY_HOP;
        }
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(HOP_BY_HOP);
        for (String value : connection) {
            for (String token : value.split(",")) {
                String name = token.strip();
                if (!name.isEmpty() && !NOT_HOP_BY_HOP.contains(name)) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** Header names, matched regardless of case. */
    private static Set<String> names(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(List.of(names));
        return Collections.unmodifiableSet(set);
    }
}

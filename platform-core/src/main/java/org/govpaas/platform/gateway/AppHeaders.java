package org.govpaas.platform.gateway;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * The header rules between citizens and apps. Apps sit behind the platform and learn the public
 * address from {@code X-Forwarded-*}, which only the platform sets (client-sent values are never
 * passed on). The platform's session cookie is a staff credential: it never reaches an app, and
 * an app cannot set it.
 */
final class AppHeaders {

    static final String FOR = "X-Forwarded-For";
    static final String PROTO = "X-Forwarded-Proto";
    static final String HOST = "X-Forwarded-Host";
    static final String PORT = "X-Forwarded-Port";
    static final String PREFIX = "X-Forwarded-Prefix";

    private AppHeaders() {
    }

    /**
     * @param headers   the request headers after the gateway's own filters
     * @param routePath the app's public path prefix, e.g. {@code /apps/health/clinic/}
     */
    static HttpHeaders towardsApp(HttpHeaders headers, ServerRequest request, String routePath, String sessionCookie) {
        HttpHeaders out = new HttpHeaders();
        // Headers the client named in Connection are hop-by-hop too (RFC 9110, 7.6.1).
        Set<String> connectionScoped = connectionTokens(request.headers().asHttpHeaders());
        for (var entry : headers.headerSet()) {
            String name = entry.getKey().toLowerCase(Locale.ROOT);
            if (!name.startsWith("x-forwarded-") && !name.equals("forwarded") && !name.equals("host")
                    && !connectionScoped.contains(name)) {
                out.addAll(entry.getKey(), entry.getValue());
            }
        }
        stripCookie(out, sessionCookie);

        // Already resolved by the platform's server (its own trusted-proxy rules): never a header copy.
        URI uri = request.uri();
        String scheme = uri.getScheme();
        int port = uri.getPort() > 0 ? uri.getPort() : ("https".equals(scheme) ? 443 : 80);
        boolean defaultPort = port == ("https".equals(scheme) ? 443 : 80);
        out.set(FOR, request.servletRequest().getRemoteAddr());
        out.set(PROTO, scheme);
        out.set(HOST, defaultPort ? uri.getHost() : uri.getHost() + ":" + port);
        out.set(PORT, String.valueOf(port));
        out.set(PREFIX, routePath.endsWith("/") ? routePath.substring(0, routePath.length() - 1) : routePath);
        return out;
    }

    /** The app's answer without any attempt to set the platform's session cookie. */
    static HttpHeaders fromApp(HttpHeaders headers, String sessionCookie, String routePath) {
        List<String> cookies = headers.get(HttpHeaders.SET_COOKIE);
        if (cookies == null || cookies.isEmpty()) {
            return headers;
        }
        HttpHeaders out = new HttpHeaders();
        out.putAll(headers);
        out.put(HttpHeaders.SET_COOKIE, cookies.stream().filter(c -> !isCookie(c, sessionCookie))
                .map(c -> confined(c, routePath)).toList());
        return out;
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
                if (!(path + "/").startsWith(routePath) || path.contains("..")) {
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

    private static void stripCookie(HttpHeaders headers, String name) {
        List<String> cookieHeaders = headers.get(HttpHeaders.COOKIE);
        if (cookieHeaders == null) {
            return;
        }
        List<String> kept = new ArrayList<>();
        for (String header : cookieHeaders) {
            for (String pair : header.split(";")) {
                if (!pair.isBlank() && !isCookie(pair.strip(), name)) {
                    kept.add(pair.strip());
                }
            }
        }
        if (kept.isEmpty()) {
            headers.remove(HttpHeaders.COOKIE);
        } else {
            headers.set(HttpHeaders.COOKIE, String.join("; ", kept));
        }
    }

    private static boolean isCookie(String nameValue, String name) {
        int eq = nameValue.indexOf('=');
        return (eq < 0 ? nameValue : nameValue.substring(0, eq)).strip().equals(name);
    }

    private static Set<String> connectionTokens(HttpHeaders original) {
        Set<String> tokens = new TreeSet<>();
        for (String value : original.getOrEmpty(HttpHeaders.CONNECTION)) {
            for (String token : value.split(",")) {
                if (!token.isBlank()) {
                    tokens.add(token.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return tokens;
    }
}

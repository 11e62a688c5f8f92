package org.govpaas.apps.kit.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Where the header's language links lead ({@code ${@kitLanguageLinks.en()}} in the layout): the
 * page the reader is on, in the other language. A bean that reads the request being rendered
 * rather than a model attribute, because pages that exception handlers render get no
 * {@code @ModelAttribute}s, and their header needs the links too.
 * <p>
 * A page got by GET is asked for again with its own query parameters and only {@code lang}
 * replaced, as a link relative to the address the browser shows, so the choices a page was
 * opened with (a service, a hall, a day) survive and the gateway's path needs no knowing.
 * <p>
 * A page that answers a POST (a form shown again with its errors) cannot be asked for again:
 * the form would have to be resubmitted. Its links lead back to the page the form was on (the
 * request's {@code Referer}, which the kit's referrer policy sends for the service's own pages),
 * where the reader fills it in again in their language. When there is no such page, because the
 * browser sent no {@code Referer} or it is not one of this service's pages, they lead to the
 * service's start page, never to the address that only accepts the post.
 */
public class LanguageLinks {

    static final String PARAMETER = "lang";

    /** The page being rendered, in Chinese. */
    public String zh() {
        return to(currentRequest(), "zh-CN");
    }

    /** The page being rendered, in English. */
    public String en() {
        return to(currentRequest(), "en");
    }

    static String to(HttpServletRequest request, String language) {
        if (HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod())) {
            // An error page is rendered in a dispatch to /error; the reader's address is the original.
            String query = request.getDispatcherType() == DispatcherType.ERROR
                    ? (String) request.getAttribute(RequestDispatcher.ERROR_QUERY_STRING) : request.getQueryString();
            return "?" + withLanguage(query, language);
        }
        Optional<URI> form = formPage(request);
        String path = form.map(URI::getRawPath).orElse(request.getContextPath() + "/");
        return path + "?" + withLanguage(form.map(URI::getRawQuery).orElse(null), language);
    }

    private static HttpServletRequest currentRequest() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    }

    /** The page a form was posted from, when it is one of this service's pages on this host. */
    private static Optional<URI> formPage(HttpServletRequest request) {
        String referer = request.getHeader(HttpHeaders.REFERER);
        if (referer == null) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(referer);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String path = uri.getRawPath();
        boolean ours = request.getServerName().equalsIgnoreCase(uri.getHost()) && path != null
                && !path.startsWith("//") && path.startsWith(request.getContextPath() + "/");
        return ours ? Optional.of(uri) : Optional.empty();
    }

    /** The raw query with every {@code lang} parameter left out and the chosen one last. */
    static String withLanguage(String query, String language) {
        String kept = query == null ? "" : Arrays.stream(query.split("&"))
                .filter(pair -> !pair.isEmpty() && !PARAMETER.equals(name(pair)))
                .collect(Collectors.joining("&"));
        return (kept.isEmpty() ? "" : kept + "&") + PARAMETER + "=" + language;
    }

    private static String name(String pair) {
        int equals = pair.indexOf('=');
        String name = equals < 0 ? pair : pair.substring(0, equals);
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return name;
        }
    }
}

package org.govpaas.apps.kit.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.StandardMultipartHttpServletRequest;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A form upload beyond the container's multipart limits gets the service's own bilingual page
 * (413), not the container's bare one; an unreadable one (cut off, malformed) a 400 page. The container refuses such a form the first time anything
 * reads a parameter (the CSRF check does, before the app), and it refuses again on every later
 * read, the error page's own included: the page then failed and the container answered with its
 * built-in one. So this filter reads the form first, and for the error page that follows, the
 * request's parameters are those of its query string only.
 */
class OversizedUploads extends OncePerRequestFilter {

    private static final String REFUSED = OversizedUploads.class.getName() + ".REFUSED";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            chain.doFilter(request.getAttribute(REFUSED) != null ? new QueryParametersOnly(request) : request, response);
            return;
        }
        if (isMultipart(request)) {
            try {
                new StandardMultipartHttpServletRequest(request); // parses now; the container keeps the parts
            } catch (MultipartException unreadable) {
                // Too large, or not a form at all (cut off, malformed): the page says which.
                request.setAttribute(REFUSED, Boolean.TRUE);
                // Named as the error being shown, so the DispatcherServlet does not parse the form again.
                request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, unreadable);
                response.sendError(unreadable instanceof MaxUploadSizeExceededException
                        ? HttpStatus.CONTENT_TOO_LARGE.value() : HttpStatus.BAD_REQUEST.value());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The error page is rendered in an ERROR dispatch of the same request. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, "multipart/", 0, "multipart/".length());
    }

    private static final class QueryParametersOnly extends HttpServletRequestWrapper {

        private final MultiValueMap<String, String> query;

        QueryParametersOnly(HttpServletRequest request) {
            super(request);
            String raw = request.getQueryString();
            this.query = UriComponentsBuilder.newInstance().query(raw).build().getQueryParams(); // still encoded
        }

        @Override
        public String getParameter(String name) {
            String[] values = getParameterValues(name);
            return values == null ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, String[]> map = new java.util.LinkedHashMap<>();
            query.keySet().forEach(name -> map.put(name, getParameterValues(name)));
            return Collections.unmodifiableMap(map);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(query.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            List<String> values = query.get(name);
            return values == null ? null
                    : values.stream().map(v -> v == null ? "" : URLDecoder.decode(v, StandardCharsets.UTF_8))
                            .toArray(String[]::new);
        }
    }
}

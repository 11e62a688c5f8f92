package org.govpaas.platform.gateway;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.util.MultiValueMap;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On the apps' paths, request parameters come from the query string only. A servlet container
 * parses a form post's body as soon as anything asks for a parameter (the platform's language
 * switch does), and a parsed body is gone: the app would receive an empty form. With this
 * wrapper the body is never parsed here and is forwarded byte for byte.
 */
class QueryOnlyParameters extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        MultiValueMap<String, String> query = MvcUtils.decodeQueryString(request.getQueryString(), StandardCharsets.UTF_8);
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getParameter(String name) {
                return query.getFirst(name);
            }

            @Override
            public Map<String, String[]> getParameterMap() {
                Map<String, String[]> map = new LinkedHashMap<>();
                query.forEach((name, values) -> map.put(name, values.toArray(String[]::new)));
                return Collections.unmodifiableMap(map);
            }

            @Override
            public Enumeration<String> getParameterNames() {
                return Collections.enumeration(query.keySet());
            }

            @Override
            public String[] getParameterValues(String name) {
                List<String> values = query.get(name);
                return values == null ? null : values.toArray(String[]::new);
            }
        }, response);
    }
}

package org.govpaas.platform.gateway;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Runs the gateway's routes for everything under {@code /apps} that the {@link FrontServer} passes
 * to the platform's own server (form posts, uploads, unusual requests, the gateway's pages), as
 * the platform's first servlet filter, instead of through the {@code DispatcherServlet}: citizen
 * traffic then skips the platform's own filters (Spring Security, observations, encodings), the
 * MVC dispatch that tries every console mapping first, and any parsing of a form body. Those cost
 * the platform more CPU per request than forwarding it does (bench/gateway/README.md). Apps run
 * their own sign-in, CSRF protection and headers; the gateway's pages set the platform's strict
 * headers themselves ({@link GatewayPages}), and the platform's session never reaches an app
 * ({@link AppHeaders}).
 *
 * <p>The requests still pass Spring Security's firewall first, as all the platform's do. The
 * gateway's pages are views, rendered here as the {@code DispatcherServlet} would, in the
 * language the reader chose on the platform (its {@link LocaleResolver}).
 */
class GatewayServletFilter implements Filter {

    private static final String LANGUAGE_PARAMETER = "lang";

    private final RouterFunction<ServerResponse> routes;
    private final HttpFirewall firewall;
    private final ViewResolver views;
    private final LocaleResolver locales;
    private final List<HttpMessageConverter<?>> converters = List.of();
    private final ServerResponse.Context context = () -> converters;

    GatewayServletFilter(RouterFunction<ServerResponse> routes, HttpFirewall firewall, ViewResolver views,
                         LocaleResolver locales) {
        this.routes = routes;
        this.firewall = firewall;
        this.views = views;
        this.locales = locales;
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        HttpServletRequest checked;
        try {
            checked = firewall.getFirewalledRequest((HttpServletRequest) servletRequest);
        } catch (RequestRejectedException e) {
            response.sendError(HttpStatus.BAD_REQUEST.value());
            return;
        }
        ServerRequest request = ServerRequest.create(checked, converters);
        HandlerFunction<ServerResponse> handler = routes.route(request)
                .orElseThrow(() -> new IllegalStateException("The gateway's routes cover all of /apps"));
        try {
            ModelAndView page = handler.handle(request).writeTo(checked, response, context);
            if (page != null) {
                // Where the page's templates look for the reader's language.
                checked.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, locales);
                changeLanguage(checked, response);
                View view = views.resolveViewName(page.getViewName(), locales.resolveLocale(checked));
                if (view == null) {
                    throw new IllegalStateException("No view " + page.getViewName());
                }
                view.render(page.getModel(), checked, response);
            }
        } catch (RequestRejectedException e) {
            // The firewall checks headers when they are read, on the way to the app.
            if (!response.isCommitted()) {
                response.sendError(HttpStatus.BAD_REQUEST.value());
            }
        } catch (IOException | ServletException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);
        } finally {
            AppProxyExchange.release(checked);
        }
    }

    /**
     * The page's language switch ({@code ?lang=en}), as the platform's own pages have it. Read
     * from the query string only: a request body is never parsed here.
     */
    private void changeLanguage(HttpServletRequest request, HttpServletResponse response) {
        String lang = MvcUtils.decodeQueryString(request.getQueryString(), StandardCharsets.UTF_8)
                .getFirst(LANGUAGE_PARAMETER);
        if (lang == null) {
            return;
        }
        try {
            locales.setLocale(request, response, StringUtils.parseLocale(lang));
        } catch (IllegalArgumentException notALanguage) {
            // As the platform's own switch: an invalid choice changes nothing.
        }
    }
}

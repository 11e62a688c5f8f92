package org.govpaas.apps.kit.web;

import jakarta.servlet.DispatcherType;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * A service lives under its public route path (the gateway forwards paths unchanged), speaks
 * Chinese first and English on {@code ?lang=en}; the choice is kept in a cookie scoped to the
 * app's path so services on the same host do not overwrite each other's choice.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class KitWebConfiguration implements WebMvcConfigurer {

    /** The folders under {@code static/} a service and the kit keep their files in, served under the same names. */
    public static final List<String> ASSET_FOLDERS = List.of("kit", "css", "js");

    private final String contextPath;

    public KitWebConfiguration(Environment environment) {
        this.contextPath = contextPath(environment.getProperty("GOVPAAS_ROUTE_PATH"));
    }

    /** {@code /apps/civil-affairs/permits/} becomes {@code /apps/civil-affairs/permits}; none is the root. */
    public static String contextPath(String routePath) {
        if (routePath == null || routePath.isBlank() || routePath.equals("/")) {
            return "";
        }
        String path = routePath.startsWith("/") ? routePath : "/" + routePath;
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    @Bean
    WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> routePathAsContextPath() {
        return factory -> factory.setContextPath(contextPath);
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("govpaas-app-lang");
        resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        resolver.setCookiePath(contextPath + "/");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        return resolver;
    }

    /**
     * Right after the character encoding is set (the form is parsed in it), before any other
     * filter reads a parameter of an oversized upload.
     */
    @Bean
    FilterRegistrationBean<OversizedUploads> oversizedUploads() {
        FilterRegistrationBean<OversizedUploads> registration = new FilterRegistrationBean<>(new OversizedUploads());
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    /** The header's language links, {@code ${@kitLanguageLinks.en()}}. */
    @Bean
    LanguageLinks kitLanguageLinks() {
        return new LanguageLinks();
    }

    /**
     * Files are served under their folders' paths only ({@code spring.web.resources.add-mappings}
     * is off in {@code KitDefaults}). Spring Boot's own mapping is {@code /**}: with the webjars
     * locator on the class path, every link a page writes ({@code th:href="@{/my/book}"}) was then
     * looked up as a file in four class-path folders and the webjars, on every request, and a miss
     * is never cached. That was two thirds of the CPU a service spent on its start page (a flight
     * recording of the appointments service under wrk, 2026-11-28).
     */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // Versionless webjar links (/webjars/govuk-frontend/dist/...) are resolved to the jar's version.
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true).addResolver(new LiteWebJarsResourceResolver());
        for (String folder : ASSET_FOLDERS) {
            registry.addResourceHandler("/" + folder + "/**").addResourceLocations("classpath:/static/" + folder + "/");
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
        registry.addInterceptor(new KitModel()); // after the switch: it reads the page's language
    }
}

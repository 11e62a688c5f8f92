package org.govpaas.apps.noticeboard;

import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The app lives under its public route path (the platform's gateway forwards paths unchanged),
 * and speaks Chinese first, English on {@code ?lang=en}; the choice is kept in a cookie scoped
 * to this app's path, so apps on the same host do not overwrite each other's choice.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final String contextPath;

    WebConfiguration(Environment environment) {
        this.contextPath = contextPath(environment.getProperty("GOVPAAS_ROUTE_PATH"));
    }

    /** {@code /apps/civil-affairs/notices/} becomes {@code /apps/civil-affairs/notices}; none is the root. */
    static String contextPath(String routePath) {
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
        CookieLocaleResolver resolver = new CookieLocaleResolver("noticeboard-lang");
        resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        resolver.setCookiePath(contextPath + "/");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}

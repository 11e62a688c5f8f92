package org.govpaas.platform.system.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * The platform's files are served under their folders' paths only ({@code
 * spring.web.resources.add-mappings} is off). Spring Boot's own mapping is {@code /**}: with the
 * webjars locator on the class path, every link a page writes ({@code th:href="@{/console/...}"})
 * was then looked up as a file in four class-path folders and the webjars, on every request, and a
 * miss is never cached. That was two thirds of the CPU the citizen portal's page took (a flight
 * recording under wrk, 2026-11-28: 256 pages a second).
 */
@Configuration(proxyBeanMethods = false)
class StaticFilesConfiguration implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // Versionless webjar links (/webjars/govuk-frontend/dist/...) are resolved to the jar's version.
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true).addResolver(new LiteWebJarsResourceResolver());
        registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/");
        registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/");
    }
}

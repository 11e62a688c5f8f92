package org.govpaas.apps.kit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Settings every citizen service needs, added as the lowest-priority property source so an app's
 * own {@code application.yml} (or its environment) still wins. Keeping them here means a new
 * service cannot forget graceful shutdown, health probes or the port the platform hands it.
 */
public class KitDefaults implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "govpaasAppKitDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        // The platform's local runtime sets PORT; Kubernetes uses the image's default 8080.
        defaults.put("server.port", "${PORT:8080}");
        // Behind the gateway: X-Forwarded-Host/Proto give the public links and sign-in redirects.
        defaults.put("server.forward-headers-strategy", "framework");
        defaults.put("server.shutdown", "graceful");
        defaults.put("spring.lifecycle.timeout-per-shutdown-phase", "20s");
        defaults.put("server.error.include-stacktrace", "never");
        defaults.put("server.error.include-message", "never");
        defaults.put("server.error.whitelabel.enabled", "false");
        defaults.put("spring.main.banner-mode", "off");
        defaults.put("spring.threads.virtual.enabled", "true");
        defaults.put("spring.thymeleaf.cache", "true");
        // Static files under their own folders only (KitWebConfiguration.addResourceHandlers says why).
        defaults.put("spring.web.resources.add-mappings", "false");
        defaults.put("spring.messages.basename", "messages,kit/messages");
        defaults.put("spring.messages.fallback-to-system-locale", "false");
        defaults.put("management.endpoints.web.exposure.include", "health");
        // Flyway brings Jackson 2 along; without this the actuator would build a Jackson 2 mapper of
        // its own at every start, for endpoints that write JSON with Jackson 3 anyway.
        defaults.put("management.endpoints.jackson2.isolated-object-mapper", "false");
        defaults.put("management.endpoint.health.probes.enabled", "true");
        // Sessions in the app's own database; the kit's script creates the tables only when missing,
        // so it is safe on every start and next to the app's Flyway migrations.
        defaults.put("spring.session.jdbc.initialize-schema", "always");
        defaults.put("spring.session.jdbc.schema", "classpath:kit/session-schema-postgresql.sql");
        defaults.put("spring.session.timeout", "30m");
        defaults.put("govpaas.department", "${GOVPAAS_DEPARTMENT:}");
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}

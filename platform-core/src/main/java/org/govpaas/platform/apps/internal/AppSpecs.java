package org.govpaas.platform.apps.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.govpaas.catalog.PlatformService;
import org.govpaas.catalog.TemplateVersion;
import org.govpaas.platform.apps.App;
import org.govpaas.platform.catalog.CatalogService;
import org.govpaas.runtime.AppId;
import org.govpaas.runtime.AppSpec;
import org.govpaas.runtime.IsolationTier;
import org.springframework.stereotype.Component;

/**
 * Turns a stored app into the complete spec a runtime needs: the template version's artifact and
 * health check, the app's size, and its environment (deploy parameters as
 * {@code GOVPAAS_PARAM_<NAME>}, its department and name, its database and sign-in clients when the template asks for them).
 */
@Component
class AppSpecs {

    /** The department named in a preparation's spec; never routed, never stored as an app. */
    static final String PREPARATION = "catalog-preparation";

    private final CatalogService catalog;
    private final AppDatabases databases;
    private final AppClients clients;

    AppSpecs(CatalogService catalog, AppDatabases databases, AppClients clients) {
        this.catalog = catalog;
        this.databases = databases;
        this.clients = clients;
    }

    /** The stored app cannot be run as it is (its template or artifact is gone). */
    static final class CannotBuildSpec extends RuntimeException {
        CannotBuildSpec(String message) {
            super(message);
        }
    }

    AppSpec build(App app) {
        TemplateVersion version = catalog.version(app.templateId(), app.templateVersion())
                .orElseThrow(() -> new CannotBuildSpec("Template " + app.templateId() + " " + app.templateVersion()
                        + " is no longer in the catalog"));
        Map<String, String> env = new LinkedHashMap<>();
        // Which department owns it: a back office admits only that department's staff.
        env.put("GOVPAAS_DEPARTMENT", app.departmentCode());
        env.put("GOVPAAS_APP_NAME", app.name());
        app.parameters().forEach((name, value) -> env.put(parameterVariable(name), String.valueOf(value)));
        CompletableFuture<Map<String, String>> database = version.needs(PlatformService.DATABASE)
                ? SideBySide.start(() -> databases.ensure(app).environment())
                : CompletableFuture.completedFuture(Map.of());
        Map<String, String> signIn = clients.ensure(app, version.signIn());
        env.putAll(SideBySide.join(database));
        env.putAll(signIn);
        String contextPath = app.routePath().substring(0, app.routePath().length() - 1);
        AppSpec.Artifact artifact = new AppSpec.Artifact(catalog.jar(version).orElse(null), version.image());
        if (artifact.jar() == null && artifact.image() == null) {
            throw new CannotBuildSpec("The artifact " + version.jar() + " is not built; run ./govpaas up (or mvn install)");
        }
        int instances = app.isStopped() ? 0 : app.instances();
        return new AppSpec(new AppId(app.departmentCode(), app.name()), app.generation(), artifact, instances,
                app.memoryMb(), env, new AppSpec.HealthCheck(contextPath + version.health().readinessPath(),
                version.health().startupTimeoutSeconds()), IsolationTier.fromLabel(app.isolation()), app.routePath());
    }

    /**
     * What a runtime is asked to prepare for a catalog version before any department deploys it
     * ({@link CatalogPreparation}): the app as a deploy with its defaults would run it, under the
     * department {@value #PREPARATION}, with a scratch database and sign-in clients that do not
     * exist (nobody signs in during a training). Empty when the version's jar is not built.
     */
    Optional<AppSpec> forPreparation(String templateId, TemplateVersion version) {
        Optional<Path> jar = catalog.jar(version);
        if (jar.isEmpty()) {
            return Optional.empty();
        }
        String routePath = "/apps/" + PREPARATION + "/" + templateId + "/";
        Map<String, String> env = new LinkedHashMap<>();
        env.put("GOVPAAS_DEPARTMENT", PREPARATION);
        env.put("GOVPAAS_APP_NAME", templateId);
        version.parameters().withDefaults(Map.of())
                .forEach((name, value) -> env.put(parameterVariable(name), String.valueOf(value)));
        if (version.needs(PlatformService.DATABASE)) {
            env.putAll(databases.scratch(templateId).environment());
        }
        env.putAll(clients.placeholders(version.signIn(), routePath));
        return Optional.of(new AppSpec(new AppId(PREPARATION, templateId), 0, new AppSpec.Artifact(jar.get(),
                version.image()), 1, version.memoryMb().defaultValue(), env, new AppSpec.HealthCheck(
                routePath.substring(0, routePath.length() - 1) + version.health().readinessPath(),
                version.health().startupTimeoutSeconds()), null, routePath));
    }

    /** {@code maxUploadMb} becomes {@code GOVPAAS_PARAM_MAX_UPLOAD_MB}. */
    static String parameterVariable(String name) {
        return "GOVPAAS_PARAM_" + name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9]", "_")
                .toUpperCase(Locale.ROOT);
    }
}

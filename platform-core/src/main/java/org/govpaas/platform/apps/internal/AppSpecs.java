package org.govpaas.platform.apps.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.govpaas.catalog.PlatformService;
import org.govpaas.catalog.TemplateVersion;
import org.govpaas.platform.apps.App;
import org.govpaas.platform.catalog.CatalogService;
import org.govpaas.runtime.AppId;
import org.govpaas.runtime.AppSpec;
import org.govpaas.runtime.IsolationTier;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * Turns a stored app into the complete spec a runtime needs: the template version's artifact and
 * health check, the app's size, and its environment (deploy parameters as
 * {@code GOVPAAS_PARAM_<NAME>}, its department and name, its database and sign-in clients when the template asks for them).
 */
@Component
class AppSpecs {

    /**
     * The department named in a preparation's spec. A preparation only trains a jar: the runtime
     * holds no app under this name and nothing is routed to it, so a real department of that
     * code would meet nothing of it.
     */
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
        AppSpec.Artifact artifact = new AppSpec.Artifact(catalog.jar(version).orElse(null), version.image());
        if (artifact.jar() == null && artifact.image() == null) {
            throw new CannotBuildSpec("The artifact " + version.jar() + " is not built; run ./govpaas up (or mvn install)");
        }
        return spec(new AppId(app.departmentCode(), app.name()), app.generation(), app.restartGeneration(), version, artifact,
                app.isStopped() ? 0 : app.instances(), app.memoryMb(), app.isolation(), app.routePath(),
                app.parameters(), () -> databases.ensure(app).environment(), () -> clients.ensure(app, version.signIn()));
    }

    /**
     * What a runtime is asked to prepare for a catalog version before any department deploys it
     * ({@link CatalogPreparation}): the app as a deploy that names nothing but the template would
     * run it (the same check and defaults), under the department {@value #PREPARATION}, with a
     * scratch database and sign-in clients that do not exist (nobody signs in during a training).
     * Empty when the version's defaults do not pass the check.
     */
    Optional<AppSpec> forPreparation(String templateId, TemplateVersion version, AppSpec.Artifact artifact,
                                     Set<IsolationTier> supported) {
        Map<String, DefaultMessageSourceResolvable> errors = new LinkedHashMap<>();
        CatalogService.Checked checked = catalog.check(templateId, version.version(), null, null, null, Map.of(),
                supported, errors);
        if (checked == null) {
            return Optional.empty();
        }
        String routePath = "/apps/" + PREPARATION + "/" + templateId + "/";
        return Optional.of(spec(new AppId(PREPARATION, templateId), 0, 0, version, artifact, checked.instances(),
                checked.memoryMb(),
                checked.isolation(), routePath, checked.parameters(), () -> databases.scratch(templateId).environment(),
                () -> clients.placeholders(version.signIn(), routePath)));
    }

    /** The one way a spec is made: its environment, its database's and sign-in clients' side by side. */
    private static AppSpec spec(AppId id, long generation, long restartGeneration, TemplateVersion version,
                                AppSpec.Artifact artifact,
                                int instances, int memoryMb, String isolation, String routePath,
                                Map<String, Object> parameters, Supplier<Map<String, String>> database,
                                Supplier<Map<String, String>> signIn) {
        Map<String, String> env = new LinkedHashMap<>();
        // Which department owns it: a back office admits only that department's staff.
        env.put("GOVPAAS_DEPARTMENT", id.department());
        env.put("GOVPAAS_APP_NAME", id.name());
        parameters.forEach((name, value) -> env.put(parameterVariable(name), String.valueOf(value)));
        CompletableFuture<Map<String, String>> made = version.needs(PlatformService.DATABASE)
                ? SideBySide.start(database)
                : CompletableFuture.completedFuture(Map.of());
        Map<String, String> clients = signIn.get();
        env.putAll(SideBySide.join(made));
        env.putAll(clients);
        String contextPath = routePath.substring(0, routePath.length() - 1);
        return new AppSpec(id, generation, artifact, instances, memoryMb, env, new AppSpec.HealthCheck(
                contextPath + version.health().readinessPath(), version.health().startupTimeoutSeconds()),
                IsolationTier.fromLabel(isolation), routePath, restartGeneration);
    }

    /** {@code maxUploadMb} becomes {@code GOVPAAS_PARAM_MAX_UPLOAD_MB}. */
    static String parameterVariable(String name) {
        return "GOVPAAS_PARAM_" + name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9]", "_")
                .toUpperCase(Locale.ROOT);
    }
}

package org.govpaas.platform.apps.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.govpaas.catalog.CatalogTemplate;
import org.govpaas.catalog.TemplateVersion;
import org.govpaas.platform.catalog.CatalogService;
import org.govpaas.runtime.AppRuntime;
import org.govpaas.runtime.AppSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the platform has started, asks the runtime to prepare the newest enabled version of every
 * catalog template, so that an app's first deploy starts as fast as its later ones. On the local
 * runtime that is the jar's startup cache: otherwise it is trained only after the jar's first,
 * plain start, and that first deploy takes 7-12 s on these 2-core machines against 2-3 s
 * (bench/deploy). The training runs in the background, niced, one jar at a time; the runtime is
 * asked first whether a jar needs it, so a jar that has its cache costs a look at the jar (and
 * the drop of a scratch database left over, if any) and no new scratch database. A scratch
 * database goes, with its role, once its preparation has ended (or at the next start, had the
 * platform stopped first). Only on the local runtime with its startup cache; off with
 * {@code govpaas.runtime.local.prepare-catalog=false} (tests that start platforms, and the deploy
 * benchmark, which measures a first deploy without the cache).
 */
@Component
@ConditionalOnExpression("'${govpaas.runtime.kind:local}' == 'local' and ${govpaas.runtime.local.startup-cache:true} "
        + "and ${govpaas.runtime.local.prepare-catalog:true}")
class CatalogPreparation {

    private static final Logger log = LoggerFactory.getLogger(CatalogPreparation.class);

    private final CatalogService catalog;
    private final AppSpecs specs;
    private final AppRuntime runtime;
    private final AppDatabases databases;

    CatalogPreparation(CatalogService catalog, AppSpecs specs, AppRuntime runtime, AppDatabases databases) {
        this.catalog = catalog;
        this.specs = specs;
        this.runtime = runtime;
        this.databases = databases;
    }

    @EventListener(ApplicationReadyEvent.class)
    void prepareCatalog() {
        // Off the start-up thread: looking at the jars and making scratch databases take a while.
        Thread.ofVirtual().name("catalog-preparation").start(() -> {
            try {
                catalog.templates(null).forEach(this::prepare);
            } catch (RuntimeException e) {
                log.warn("Could not prepare the catalog: {}", e.toString());
            }
        });
    }

    private void prepare(CatalogTemplate template) {
        try {
            Optional<AppSpec> preparation = preparation(template);
            if (preparation.isPresent()) {
                // Off the runtime's thread that tells: the drop waits for the database server. A
                // preparation the closing runtime dropped (failure) leaves it to the next start.
                runtime.prepare(preparation.get()).whenCompleteAsync((ended, failure) -> {
                    if (failure == null) {
                        dropScratch(template);
                    }
                }, task -> Thread.ofVirtual().name("catalog-preparation").start(task));
            } else {
                dropScratch(template); // one a platform that stopped during its preparation left
            }
        } catch (RuntimeException e) {
            log.warn("Could not prepare {} for its first deploy: {}", template.id(), e.toString());
            dropScratch(template);
        }
    }

    /** The spec to prepare the template's newest enabled version with, when its jar needs preparing. */
    private Optional<AppSpec> preparation(CatalogTemplate template) {
        List<TemplateVersion> enabled = catalog.enabledVersions(template);
        if (enabled.isEmpty()) {
            return Optional.empty();
        }
        TemplateVersion newest = enabled.getLast();
        Optional<Path> jar = catalog.jar(newest);
        AppSpec.Artifact artifact = new AppSpec.Artifact(jar.orElse(null), newest.image());
        if (jar.isEmpty() || !runtime.needsPreparation(artifact)) {
            return Optional.empty();
        }
        return specs.forPreparation(template.id(), newest, artifact, runtime.supportedIsolation());
    }

    private void dropScratch(CatalogTemplate template) {
        try {
            databases.dropScratch(template.id());
        } catch (RuntimeException e) {
            log.warn("Could not drop the scratch database of {}: {}", template.id(), e.toString());
        }
    }
}

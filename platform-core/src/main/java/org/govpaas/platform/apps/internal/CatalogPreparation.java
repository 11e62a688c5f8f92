package org.govpaas.platform.apps.internal;

import java.util.List;
import org.govpaas.catalog.CatalogTemplate;
import org.govpaas.catalog.TemplateVersion;
import org.govpaas.platform.catalog.CatalogService;
import org.govpaas.runtime.AppRuntime;
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
 * plain start, and that first deploy takes 8-12 s on these 2-core machines against about 3 s
 * (bench/deploy). The training runs in the background, niced, one jar at a time; a jar that has its
 * cache is not trained again, so a restart with the same builds costs nothing. Only on the local
 * runtime with its startup cache; off with {@code govpaas.runtime.local.prepare-catalog=false}
 * (tests that start platforms, and the deploy benchmark, which measures a first deploy without the
 * cache).
 */
@Component
@ConditionalOnExpression("'${govpaas.runtime.kind:local}' == 'local' and ${govpaas.runtime.local.startup-cache:true} "
        + "and ${govpaas.runtime.local.prepare-catalog:true}")
class CatalogPreparation {

    private static final Logger log = LoggerFactory.getLogger(CatalogPreparation.class);

    private final CatalogService catalog;
    private final AppSpecs specs;
    private final AppRuntime runtime;

    CatalogPreparation(CatalogService catalog, AppSpecs specs, AppRuntime runtime) {
        this.catalog = catalog;
        this.specs = specs;
        this.runtime = runtime;
    }

    @EventListener(ApplicationReadyEvent.class)
    void prepareCatalog() {
        // Off the start-up thread: scratch databases are made one by one.
        Thread.ofVirtual().name("catalog-preparation").start(() -> {
            for (CatalogTemplate template : catalog.templates(null)) {
                List<TemplateVersion> enabled = catalog.enabledVersions(template);
                if (enabled.isEmpty()) {
                    continue;
                }
                try {
                    specs.forPreparation(template.id(), enabled.getLast()).ifPresent(runtime::prepare);
                } catch (RuntimeException e) {
                    log.warn("Could not prepare {} for its first deploy: {}", template.id(), e.toString());
                }
            }
        });
    }
}

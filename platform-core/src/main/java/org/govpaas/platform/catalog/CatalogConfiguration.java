package org.govpaas.platform.catalog;

import org.govpaas.catalog.Catalog;
import org.govpaas.catalog.CatalogLoader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    /** Loaded once at start-up; a broken template file stops the platform with file and field named. */
    @Bean
    Catalog catalog() {
        return CatalogLoader.fromClasspath();
    }
}

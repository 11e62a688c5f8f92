package org.govpaas.apps.kit.aot;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** For services that use MyBatis; see the package documentation. */
@AutoConfiguration
@ConditionalOnClass(name = MapperInterfacesAsClasses.FACTORY)
public class KitAotConfiguration {

    @Bean
    static MapperInterfacesAsClasses mapperInterfacesAsClasses() {
        return new MapperInterfacesAsClasses();
    }
}

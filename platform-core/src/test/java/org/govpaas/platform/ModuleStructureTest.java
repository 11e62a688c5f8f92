package org.govpaas.platform;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Feature modules may use each other's base packages only, never their internals, and no cycles. */
class ModuleStructureTest {

    static final ApplicationModules MODULES = ApplicationModules.of(GovPaasApplication.class);

    @Test
    void modulesKeepTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void writesModuleDocumentation() {
        // target/spring-modulith-docs: the component diagram referenced from docs/architecture.md.
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}

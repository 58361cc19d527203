package cn.doorstep;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Each top-level package is a feature module. A module may use another only through that module's
 * root package (its service, records and events), never its {@code internal} package, and modules
 * may not depend on each other in a cycle.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(DoorstepApplication.class);

    @Test
    void featuresUseEachOtherOnlyThroughTheirPublicApi() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}

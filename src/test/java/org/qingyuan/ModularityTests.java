package org.qingyuan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(QingyuanApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void everyModuleSaysWhatItIsFor() {
        modules.forEach(module -> assertThat(
                Files.exists(Path.of("src/main/java", module.getBasePackage().getName().replace('.', '/'), "package-info.java")))
                .as("package-info.java of %s", module.getIdentifier()).isTrue());
    }

    /** Writes the module documentation that docs/architecture.md includes. */
    @Test
    void writesModuleDocumentation() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        assertThat(Path.of("docs/modules/components.puml")).exists();
    }
}

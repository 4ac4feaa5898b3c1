package io.pixpool;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layers: ui -> batch -> protocol -> core, with worker and cli beside ui. Wrong-way imports fail here. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(location -> !location.contains("/test-classes/")) // any build dir
                .importPackages("io.pixpool");
    }

    @Test
    void coreIsAPureImagePipeline() {
        noClasses().that().resideInAPackage("io.pixpool.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.pixpool.protocol..", "io.pixpool.batch..", "io.pixpool.worker..", "io.pixpool.cli..",
                        "io.pixpool.ui..", "javafx..", "org.controlsfx..", "picocli..")
                .orShould().dependOnClassesThat().belongToAnyOf(ProcessBuilder.class, Process.class)
                .check(classes);
    }

    @Test
    void protocolKnowsOnlyCore() {
        noClasses().that().resideInAPackage("io.pixpool.protocol..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.pixpool.batch..", "io.pixpool.worker..", "io.pixpool.cli..", "io.pixpool.ui..",
                        "javafx..", "picocli..")
                .check(classes);
    }

    @Test
    void batchAndWorkerNeverSeeTheWindowOrTheCommandLine() {
        noClasses().that().resideInAnyPackage("io.pixpool.batch..", "io.pixpool.worker..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.pixpool.cli..", "io.pixpool.ui..", "javafx..", "org.controlsfx..", "picocli..")
                .check(classes);
        noClasses().that().resideInAPackage("io.pixpool.worker..")
                .should().dependOnClassesThat().resideInAPackage("io.pixpool.batch..")
                .check(classes);
    }

    @Test
    void windowNeverTouchesImageBytesOrWorkers() {
        noClasses().that().resideInAPackage("io.pixpool.ui..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.pixpool.cli..", "io.pixpool.worker..", "io.pixpool.protocol..", "javax.imageio..",
                        "picocli..")
                .check(classes);
    }

    @Test
    void commandLineNeverSeesTheWindow() {
        noClasses().that().resideInAPackage("io.pixpool.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("io.pixpool.ui..", "javafx..", "org.controlsfx..")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.pixpool.(*)..").should().beFreeOfCycles().check(classes);
    }
}

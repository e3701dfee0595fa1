package kr.go.gg.training.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "kr.go.gg.training.query", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** docs/design.md: the two sides never depend on each other (they may run in separate processes). */
    @ArchTest
    static final ArchRule queryDoesNotDependOnCommand = noClasses().that().resideInAPackage("kr.go.gg.training.query..")
            .should().dependOnClassesThat().resideInAPackage("kr.go.gg.training.command..");

    /** The REST layer asks the query bus, never the read models directly, so it works split across services. */
    @ArchTest
    static final ArchRule webUsesTheQueryBusOnly = noClasses().that().resideInAPackage("kr.go.gg.training.query.web..")
            .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "kr.go.gg.training.query.platform.readmodel..", "kr.go.gg.training.query.embedded..");
}

package kr.go.gg.training.api;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The messages are shared by every side and every deployment: they carry no framework but Axon's annotations. */
@AnalyzeClasses(packages = "kr.go.gg.training.api", importOptions = ImportOption.DoNotIncludeTests.class)
class SharedApiHasNoSpringTest {

    @ArchTest
    static final ArchRule messages_do_not_depend_on_spring =
            noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..");

    @ArchTest
    static final ArchRule messages_do_not_depend_on_either_side =
            noClasses().should().dependOnClassesThat().resideInAnyPackage("kr.go.gg.training.command..", "kr.go.gg.training.query..");
}

package kr.go.gg.training.support;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The support module knows no domain: neither app, nor shared-api's messages and values. Both apps may use it. */
@AnalyzeClasses(packages = "kr.go.gg.training.support", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule supportKnowsNoDomain = noClasses().that().resideInAPackage("kr.go.gg.training.support..")
            .should().dependOnClassesThat().resideInAnyPackage("kr.go.gg.training.command..",
                    "kr.go.gg.training.query..", "kr.go.gg.training.api..", "kr.go.gg.training.standalone..",
                    "kr.go.gg.training.bench..");
}

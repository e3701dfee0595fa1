package kr.go.gg.training.query;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rooms of course-query as folder patterns (docs/design.md): a new class is covered by where it lives. Features
 * are {@code query.<feature>.projection} (event handlers, query handlers, the read model's documents) and
 * {@code query.<feature>.web} (HTTP); {@code query.platform.*} is shared by all features; {@code query.embedded} exists
 * only for the embedded default.
 */
@AnalyzeClasses(packages = "kr.go.gg.training.query", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] READ_MODELS = {"com.mongodb..", "org.bson..", "kr.go.gg.training.query.platform.readmodel..",
            "kr.go.gg.training.query..projection..", "kr.go.gg.training.query.embedded.."};

    /** docs/design.md: the two sides never depend on each other (they may run in separate processes). */
    @ArchTest
    static final ArchRule queryDoesNotDependOnCommand = noClasses().that().resideInAPackage("kr.go.gg.training.query..")
            .should().dependOnClassesThat().resideInAPackage("kr.go.gg.training.command..");

    /** The web rooms ask the query bus, never the read models directly, so they work split across services. */
    @ArchTest
    static final ArchRule webRoomsUseTheQueryBusOnly = noClasses().that().resideInAPackage("kr.go.gg.training.query.*.web..")
            .should().dependOnClassesThat().resideInAnyPackage(READ_MODELS);

    /** The web pages' rooms too (docs/web.md): a page is drawn from the query bus's answers, as the API's are. */
    @ArchTest
    static final ArchRule pageRoomsUseTheQueryBusOnly = noClasses().that().resideInAPackage("kr.go.gg.training.query.*.page..")
            .should().dependOnClassesThat().resideInAnyPackage(READ_MODELS);

    /** The same for a controller wherever it lives (the projection admin's is in platform.replay, beside its service). */
    @ArchTest
    static final ArchRule controllersUseTheQueryBusOnly = noClasses().that().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().resideInAnyPackage(READ_MODELS);

    /** What exists only for the embedded default is reached by nothing else: production runs without it. */
    @ArchTest
    static final ArchRule nothingOutsideEmbeddedDependsOnIt = noClasses()
            .that().resideOutsideOfPackage("kr.go.gg.training.query.embedded..")
            .should().dependOnClassesThat().resideInAPackage("kr.go.gg.training.query.embedded..");

    /** The shared rooms know no feature: a feature is added or removed without touching them. */
    @ArchTest
    static final ArchRule platformKnowsNoFeature = noClasses()
            .that().resideInAnyPackage("kr.go.gg.training.query.platform..", "kr.go.gg.training.query.embedded..")
            .should().dependOnClassesThat(resideInAnyPackage("kr.go.gg.training.query.*.projection..",
                            "kr.go.gg.training.query.*.web..")
                    .and(not(resideInAPackage("kr.go.gg.training.query.platform.."))));

    /** A projection answers queries and never knows who asks over HTTP. */
    @ArchTest
    static final ArchRule projectionsKnowNoWeb = noClasses().that().resideInAPackage("kr.go.gg.training.query.*.projection..")
            .should().dependOnClassesThat().resideInAnyPackage("kr.go.gg.training.query.*.web..", "org.springframework.web..");
}

package kr.go.gg.training.command;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The rooms of the command side (docs/design.md), as folder patterns: a new class is covered by where it is put.
 * Feature rooms ({@code course}, {@code agreement}, {@code audit}, {@code importing}) hold a feature's domain, HTTP and
 * wiring; {@code platform.*} what every feature uses; {@code embedded.*} and {@code axonserver} the two deployments,
 * wired by component scanning and profiles alone.
 */
class ArchitectureTest {

    private static final String COMMAND = "kr.go.gg.training.command";

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(COMMAND);

    @Test
    void the_command_side_does_not_depend_on_the_query_side() {
        noClasses().that().resideInAPackage("kr.go.gg.training.command..")
                .should().dependOnClassesThat().resideInAPackage("kr.go.gg.training.query..")
                .check(classes);
    }

    @Test
    void the_domain_uses_no_spring_types_and_no_web_room() {
        noClasses().that().resideInAnyPackage("..command.*.domain..", "..command.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "..web..")
                .check(classes);
    }

    @Test
    void nothing_outside_the_embedded_default_depends_on_it() {
        noClasses().that().resideOutsideOfPackage("..command.embedded..")
                .should().dependOnClassesThat().resideInAPackage("..command.embedded..")
                .check(classes);
    }

    @Test
    void nothing_outside_the_axon_server_room_depends_on_it() {
        noClasses().that().resideOutsideOfPackage("..command.axonserver..")
                .should().dependOnClassesThat().resideInAPackage("..command.axonserver..")
                .check(classes);
    }

    /**
     * The platform knows no feature: of the command side it reaches only itself and the refusal kinds of
     * {@code command.domain} (what both apps share comes from course-support).
     */
    @Test
    void the_platform_depends_on_no_feature() {
        classes().that().resideInAPackage("..command.platform..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage(COMMAND + "..")
                        .or(resideInAnyPackage("..command.platform..", "..command.domain..")))
                .check(classes);
    }

    /**
     * A feature's HTTP (its {@code web} room, or a controller of a room without one) is its own: no other room reaches
     * it. {@code platform.web} is the platform's, which every feature uses.
     */
    @Test
    void no_room_reaches_another_features_http() {
        classes().that().resideInAPackage(COMMAND + "..")
                .should(new ArchCondition<>("reach no other feature's web room or controller") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                            JavaClass target = dependency.getTargetClass();
                            if (isFeatureHttp(target) && !room(target).equals(room(origin))) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                })
                .check(classes);
    }

    private static boolean isFeatureHttp(JavaClass type) {
        String name = type.getPackageName();
        boolean webRoom = name.startsWith(COMMAND + ".") && name.matches(".*\\.web(\\..*)?")
                && !name.startsWith(COMMAND + ".platform");
        return webRoom || type.isAnnotatedWith(RestController.class);
    }

    /** The first folder under {@code command}: {@code course}, {@code agreement}, {@code platform}, ... */
    private static String room(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(COMMAND + ".")) {
            return name;
        }
        String rest = name.substring(COMMAND.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}

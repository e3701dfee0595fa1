package kr.go.gg.training.command;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import kr.go.gg.training.command.agreement.domain.AgreementPolicy;
import kr.go.gg.training.command.agreement.domain.ExchangeAgreement;
import kr.go.gg.training.command.course.domain.Course;
import kr.go.gg.training.command.course.domain.CourseState;
import kr.go.gg.training.command.course.domain.LifecyclePolicy;
import kr.go.gg.training.command.course.domain.StageDatePolicy;
import kr.go.gg.training.command.course.domain.Step;
import kr.go.gg.training.command.course.domain.StepNotAllowed;
import kr.go.gg.training.command.course.domain.CourseRoster;
import kr.go.gg.training.command.course.domain.EnrolmentPolicy;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("kr.go.gg.training.command");

    @Test
    void the_command_side_does_not_depend_on_the_query_side() {
        noClasses().that().resideInAPackage("kr.go.gg.training.command..")
                .should().dependOnClassesThat().resideInAPackage("kr.go.gg.training.query..")
                .check(classes);
    }

    @Test
    void the_domain_uses_no_spring_types() {
        noClasses().that().belongToAnyOf(Course.class, ExchangeAgreement.class, LifecyclePolicy.class, StageDatePolicy.class,
                        Step.class, StepNotAllowed.class, CourseState.class, CourseRoster.class, EnrolmentPolicy.class, AgreementPolicy.class)
                .or().resideInAPackage("kr.go.gg.training.command.domain..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(classes);
    }
}

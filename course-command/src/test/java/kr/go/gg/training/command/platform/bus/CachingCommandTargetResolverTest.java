package kr.go.gg.training.command.platform.bus;

import kr.go.gg.training.api.course.CompleteCourse;
import kr.go.gg.training.api.course.CourseId;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class CachingCommandTargetResolverTest {

    record VersionedCommand(@TargetAggregateIdentifier String id, @TargetAggregateVersion Long version) {
    }

    record TextVersionCommand(@TargetAggregateIdentifier String id, @TargetAggregateVersion String version) {
    }

    record UntargetedCommand(String id) {
    }

    static class FieldCommand {
        @TargetAggregateIdentifier
        private final String id = "field-target";
    }

    static class MethodCommand {
        @TargetAggregateIdentifier
        String target() {
            return "method-target";
        }
    }

    private final CachingCommandTargetResolver resolver = new CachingCommandTargetResolver();
    private final AnnotationCommandTargetResolver axons = AnnotationCommandTargetResolver.builder().build();

    private VersionedAggregateIdentifier both(Object payload) {
        VersionedAggregateIdentifier ours = resolver.resolveTarget(GenericCommandMessage.asCommandMessage(payload));
        VersionedAggregateIdentifier theirs = axons.resolveTarget(GenericCommandMessage.asCommandMessage(payload));
        assertThat(ours).isEqualTo(theirs);
        return ours;
    }

    @Test
    void a_course_command_targets_its_course_as_axons_resolver_says() {
        CourseId id = CourseId.random();
        assertThat(both(new CompleteCourse(id))).isEqualTo(new VersionedAggregateIdentifier(id, null));
        assertThat(both(new CompleteCourse(id)).getIdentifier()).isEqualTo(id.value());
    }

    @Test
    void the_same_command_class_answers_for_each_command_its_own_target() {
        assertThat(both(new VersionedCommand("a", 3L))).isEqualTo(new VersionedAggregateIdentifier("a", 3L));
        assertThat(both(new VersionedCommand("b", null))).isEqualTo(new VersionedAggregateIdentifier("b", null));
    }

    @Test
    void an_annotated_field_or_method_is_found_as_axon_finds_it() {
        assertThat(both(new FieldCommand()).getIdentifier()).isEqualTo("field-target");
        assertThat(both(new MethodCommand()).getIdentifier()).isEqualTo("method-target");
    }

    @Test
    void a_version_given_as_text_is_read_as_axon_reads_it() {
        assertThat(both(new TextVersionCommand("a", "7")).getVersion()).isEqualTo(7L);
    }

    @Test
    void a_command_without_a_target_is_refused_with_axons_own_message() {
        Throwable ours = catchThrowable(() -> resolver.resolveTarget(GenericCommandMessage.asCommandMessage(new UntargetedCommand("x"))));
        Throwable theirs = catchThrowable(() -> axons.resolveTarget(GenericCommandMessage.asCommandMessage(new UntargetedCommand("x"))));
        assertThat(ours).isInstanceOf(IllegalArgumentException.class).hasMessage(theirs.getMessage());
    }

    @Test
    void a_command_whose_target_is_null_is_refused_as_axon_refuses_it() {
        assertThatThrownBy(() -> resolver.resolveTarget(GenericCommandMessage.asCommandMessage(new VersionedCommand(null, 1L))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not identify the target aggregate");
    }

    @Test
    void a_version_that_is_not_a_number_is_refused_as_axon_refuses_it() {
        assertThatThrownBy(() -> resolver.resolveTarget(GenericCommandMessage.asCommandMessage(new TextVersionCommand("a", "seven"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a number");
    }
}

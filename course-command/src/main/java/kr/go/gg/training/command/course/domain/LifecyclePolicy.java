package kr.go.gg.training.command.course.domain;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.CourseStatus;
import kr.go.gg.training.api.course.Program;

import static kr.go.gg.training.command.course.domain.Step.*;

/**
 * Which steps the lifecycle of docs/domain.md allows in each state. KOICA courses pass the selection procedure
 * before they can be scheduled; China exchange courses are scheduled straight from PROPOSED.
 */
public final class LifecyclePolicy {

    private LifecyclePolicy() {
    }

    public static Set<Step> allowed(Program program, CourseStatus status) {
        return switch (status) {
            case PROPOSED -> program == Program.KOICA
                    ? EnumSet.of(RECORD_DEMAND_SURVEY, CANCEL)
                    : EnumSet.of(SCHEDULE, CANCEL);
            case DEMAND_SURVEYED -> EnumSet.of(RECORD_COURSE_SELECTION, CANCEL);
            case SELECTED -> EnumSet.of(PUBLISH_CONSIGNEE_INVITATION, CANCEL);
            case INVITATION_PUBLISHED -> EnumSet.of(RECORD_CONSIGNEE_SELECTION, CANCEL);
            case CONSIGNEE_AWARDED -> EnumSet.of(SCHEDULE, CANCEL);
            case SCHEDULED -> EnumSet.of(SCHEDULE, ENROL, WITHDRAW, START, CANCEL);
            case IN_PROGRESS -> EnumSet.of(WITHDRAW, COMPLETE, CANCEL);
            case COMPLETED, REJECTED, NOT_AWARDED, CANCELLED -> EnumSet.noneOf(Step.class);
        };
    }

    /** Refuses {@code step} unless the state allows it; the message names the state and the allowed steps. */
    public static void require(Step step, CourseId id, Program program, CourseStatus status) {
        Set<Step> allowed = allowed(program, status);
        if (!allowed.contains(step)) {
            throw new StepNotAllowed(id, status, step, allowed);
        }
    }

    static String describe(Set<Step> steps) {
        return steps.isEmpty()
                ? "nothing (the course is closed)"
                : steps.stream().map(Step::label).collect(Collectors.joining(", "));
    }
}

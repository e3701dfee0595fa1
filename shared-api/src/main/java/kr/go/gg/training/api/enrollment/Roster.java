package kr.go.gg.training.api.enrollment;

import java.util.List;

/** Wraps the list so that "no such course" (a null answer) differs from "no trainees". */
public record Roster(String courseId, List<RosterEntry> trainees) {
}

package kr.go.gg.training.bench.workload;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import kr.go.gg.training.api.course.CompleteCourse;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Period;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.api.course.ProposeCourse;
import kr.go.gg.training.api.course.PublishConsigneeInvitation;
import kr.go.gg.training.api.course.RecordConsigneeSelection;
import kr.go.gg.training.api.course.RecordCourseSelection;
import kr.go.gg.training.api.course.RecordDemandSurvey;
import kr.go.gg.training.api.course.ScheduleCourse;
import kr.go.gg.training.api.course.StartCourse;
import kr.go.gg.training.api.enrollment.EnrollTrainee;
import kr.go.gg.training.api.enrollment.Trainee;
import kr.go.gg.training.api.enrollment.TraineeId;
import kr.go.gg.training.api.enrollment.TraineeLevel;

/**
 * The commands that walk one KOICA course through its whole life: proposal, the four selection stages,
 * schedule, {@code enrolments} trainees, start and completion (28 commands with 20 enrolments). Course
 * {@code i} trains in year {@link #FIRST_YEAR}{@code + i % 10}, so the data of a run spans ten years.
 */
public final class CoursePlan {

    public static final int FIRST_YEAR = 2015;
    public static final int YEARS = 10;
    public static final int LAST_YEAR = FIRST_YEAR + YEARS - 1;

    private static final String[] COUNTRIES = {
            "Viet Nam", "Ghana", "Peru", "Uzbekistan", "Ethiopia", "Cambodia", "Colombia", "Rwanda", "Mongolia", "Laos"};
    private static final String[] POSITIONS = {"Deputy Director", "Director", "Senior Officer", "Director General"};

    private CoursePlan() {
    }

    public static int year(int index) {
        return FIRST_YEAR + Math.floorMod(index, YEARS);
    }

    public static String partner(int index) {
        return COUNTRIES[Math.floorMod(index / YEARS, COUNTRIES.length)];
    }

    public static Period period(int index) {
        LocalDate start = LocalDate.of(year(index), 4 + Math.floorMod(index, 8), 1 + Math.floorMod(index, 20));
        return new Period(start, start.plusDays(13));
    }

    /** The commands of course {@code index} in order; {@code courseId} names the aggregate. */
    public static List<Object> commands(String label, int index, CourseId courseId, int enrolments) {
        int year = year(index);
        String partner = partner(index);
        List<Object> commands = new ArrayList<>(8 + enrolments);
        commands.add(new ProposeCourse(courseId, label + " course " + index + ": public administration for " + partner,
                Program.KOICA, Direction.INBOUND, partner, Math.max(enrolments, 1) + 5, year));
        commands.add(new RecordDemandSurvey(courseId, LocalDate.of(year - 2, 6, 15)));
        commands.add(new RecordCourseSelection(courseId, true, LocalDate.of(year, 1, 8)));
        commands.add(new PublishConsigneeInvitation(courseId, 1, LocalDate.of(year, 2, 5)));
        commands.add(new RecordConsigneeSelection(courseId, true, LocalDate.of(year, 3, 16)));
        commands.add(new ScheduleCourse(courseId, period(index)));
        for (int t = 0; t < enrolments; t++) {
            commands.add(new EnrollTrainee(courseId, TraineeId.random(), trainee(index, t, partner)));
        }
        commands.add(new StartCourse(courseId));
        commands.add(new CompleteCourse(courseId));
        return commands;
    }

    public static int commandsPerCourse(int enrolments) {
        return 8 + enrolments;
    }

    static Trainee trainee(int course, int t, String country) {
        return new Trainee("Trainee " + t + " of course " + course, country, "Ministry of Interior, division " + (t % 7),
                POSITIONS[t % POSITIONS.length], t % 3 == 0 ? TraineeLevel.HIGH_RANKING : TraineeLevel.MID_LEVEL);
    }
}

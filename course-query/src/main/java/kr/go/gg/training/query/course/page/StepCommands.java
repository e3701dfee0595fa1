package kr.go.gg.training.query.course.page;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

import kr.go.gg.training.api.InvalidValueException;
import kr.go.gg.training.api.command.CommandMetaData;
import kr.go.gg.training.api.course.CancelCourse;
import kr.go.gg.training.api.course.CompleteCourse;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.Period;
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
 * A submitted step form as the shared-api command: the records validate themselves, so a bad value is an
 * {@link InvalidValueException} naming its field before anything is sent, as the API answers it.
 */
final class StepCommands {

    private StepCommands() {
    }

    static Object command(StepForm step, String courseId, Map<String, String> form, String traineeUser) {
        CourseId id = new CourseId(courseId);
        return switch (step) {
            case DEMAND_SURVEY -> new RecordDemandSurvey(id, date(form, "surveyedOn"));
            case SELECTION -> new RecordCourseSelection(id, yes(form, "selected"), date(form, "decidedOn"));
            case CONSIGNEE_INVITATION -> new PublishConsigneeInvitation(id, number(form, "quarter"), date(form, "publishedOn"));
            case CONSIGNEE_SELECTION -> new RecordConsigneeSelection(id, yes(form, "awarded"), date(form, "decidedOn"));
            case SCHEDULE -> new ScheduleCourse(id, new Period(date(form, "startDate"), date(form, "endDate")));
            case TRAINEES -> new EnrollTrainee(id, traineeId(traineeUser, form.get("key"), courseId),
                    new Trainee(form.get("name"), form.get("country"), form.get("organization"), form.get("position"),
                            level(form.get("level"))));
            case START -> new StartCourse(id);
            case COMPLETION -> new CompleteCourse(id);
            case CANCELLATION -> new CancelCourse(id, form.get("reason"));
        };
    }

    /** A new trainee's id from the user and the form's key, so a double submission enrols one trainee. */
    private static TraineeId traineeId(String user, String key, String courseId) {
        return new TraineeId(CommandMetaData.derivedId(user, String.valueOf(key), "PAGE POST /courses/" + courseId + "/trainees"));
    }

    private static LocalDate date(Map<String, String> form, String field) {
        String value = form.get(field);
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, "must be given");
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, "must be a date (YYYY-MM-DD)");
        }
    }

    private static boolean yes(Map<String, String> form, String field) {
        String value = form.get(field);
        if (!"true".equals(value) && !"false".equals(value)) {
            throw new InvalidValueException(field, "must be chosen");
        }
        return Boolean.parseBoolean(value);
    }

    static int number(Map<String, String> form, String field) {
        try {
            return Integer.parseInt(String.valueOf(form.get(field)).trim());
        } catch (NumberFormatException e) {
            throw new InvalidValueException(field, "must be a whole number");
        }
    }

    private static TraineeLevel level(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return TraineeLevel.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("level", "must be MID_LEVEL or HIGH_RANKING");
        }
    }
}

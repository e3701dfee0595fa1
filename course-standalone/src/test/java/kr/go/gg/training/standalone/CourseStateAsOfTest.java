package kr.go.gg.training.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An auditor's state of a course as of now shows every field of the course as the course list has it. */
class CourseStateAsOfTest extends StandaloneTestBase {

    @Test
    void the_state_as_of_now_agrees_with_the_course_field_by_field() {
        HttpApi.Answer proposed = api.post("staff", "/api/courses", """
                {"title":"Hebei officials' smart city study","program":"CHINA_EXCHANGE","direction":"INBOUND",
                 "partner":"Hebei Province","capacity":12}""");
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        String id = proposed.json().get("courseId").asText();
        assertThat(api.post("staff", "/api/courses/" + id + "/schedule",
                "{\"startDate\":\"2031-09-15\",\"endDate\":\"2031-09-26\"}").status()).isEqualTo(204);
        HttpApi.Answer enrolled = api.post("staff", "/api/courses/" + id + "/trainees",
                "{\"name\":\"Wang\",\"country\":\"China\",\"organization\":\"Hebei\",\"position\":\"Officer\"}");
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        assertThat(api.post("staff", "/api/courses/" + id + "/costs",
                "{\"category\":\"ACCOMMODATION\",\"amount\":8000000,\"paidBy\":\"GYEONGGI\"}").status()).isEqualTo(201);

        assertAgree(id, 3);
        // and a course of the printed record (the seed's), whose headcount is its enrolment
        assertAgree(api.get("viewer", "/api/courses?year=2015").json().get(0).get("courseId").asText(), 0);
    }

    private void assertAgree(String id, int version) {
        JsonNode course = api.get("viewer", "/api/courses/" + id + "?minVersion=" + version).json();
        JsonNode state = api.get("auditor", "/api/courses/" + id + "/state").json().get("course");
        List<String> fields = new ArrayList<>();
        course.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).contains("title", "startDate", "endDate");
        for (String field : fields) {
            assertThat(state.get(field)).as("%s of %s: state %s, course %s", field, id, state, course)
                    .isEqualTo(course.get(field));
        }
    }
}

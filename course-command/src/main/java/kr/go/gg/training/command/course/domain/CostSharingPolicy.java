package kr.go.gg.training.command.course.domain;

import java.util.EnumSet;
import java.util.Set;

import kr.go.gg.training.api.cost.CostCategory;
import kr.go.gg.training.api.cost.Payer;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.command.domain.DomainRefusal;

/**
 * The training agreements' cost sharing (docs/domain.md): who may pay which category of a course's costs.
 * China exchange, inbound: the trainees' organisation pays airfare and travel, Gyeonggi-do accommodation and
 * education. Outbound, the reverse: Gyeonggi-do pays its officials' airfare and travel, the partner province
 * accommodation and education. KOICA courses: KOICA pays every category. OTHER (insurance, interpreting, a gift) is
 * paid by either side of an exchange, never by KOICA; of a KOICA course by KOICA alone.
 */
public final class CostSharingPolicy {

    private CostSharingPolicy() {
    }

    public static void require(CourseId id, Program program, Direction direction, CostCategory category, Payer paidBy) {
        Set<Payer> allowed = payers(program, direction, category);
        if (!allowed.contains(paidBy)) {
            throw new DomainRefusal("Cost sharing rule of " + rule(program, direction) + ": " + category
                    + " of course '" + id + "' is paid by " + names(allowed) + ", not " + paidBy);
        }
    }

    static Set<Payer> payers(Program program, Direction direction, CostCategory category) {
        if (program == Program.KOICA) {
            return EnumSet.of(Payer.KOICA);
        }
        Payer sending = direction == Direction.INBOUND ? Payer.TRAINEE_ORGANIZATION : Payer.GYEONGGI;
        Payer receiving = direction == Direction.INBOUND ? Payer.GYEONGGI : Payer.PARTNER_PROVINCE;
        return switch (category) {
            case AIRFARE, TRAVEL -> EnumSet.of(sending);
            case ACCOMMODATION, EDUCATION -> EnumSet.of(receiving);
            case OTHER -> EnumSet.of(sending, receiving);
        };
    }

    private static String rule(Program program, Direction direction) {
        if (program == Program.KOICA) {
            return "a KOICA course (KOICA pays every category)";
        }
        return direction == Direction.INBOUND
                ? "an inbound China exchange (the trainees' organisation pays airfare and travel, Gyeonggi-do"
                        + " accommodation and education)"
                : "an outbound China exchange (Gyeonggi-do pays its officials' airfare and travel, the partner province"
                        + " accommodation and education)";
    }

    private static String names(Set<Payer> payers) {
        return String.join(" or ", payers.stream().map(Payer::name).toList());
    }
}

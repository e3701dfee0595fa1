package kr.go.gg.training.api.cost;

/**
 * Who paid a cost: the trainees' own organisation (of an inbound China course: the officials' province or city),
 * Gyeonggi-do, KOICA, or the partner province as host of an outbound China course (the Chinese side's accommodation
 * and education: neither the trainees' organisation, which is Gyeonggi-do's, nor Gyeonggi-do itself).
 */
public enum Payer {
    TRAINEE_ORGANIZATION,
    GYEONGGI,
    KOICA,
    PARTNER_PROVINCE
}

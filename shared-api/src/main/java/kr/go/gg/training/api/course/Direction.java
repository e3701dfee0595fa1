package kr.go.gg.training.api.course;

/** INBOUND: officials come to Gyeonggi-do. OUTBOUND: Gyeonggi-do officials go to China. */
public enum Direction {
    INBOUND,
    OUTBOUND
}

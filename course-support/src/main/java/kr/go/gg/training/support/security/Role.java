package kr.go.gg.training.support.security;

/** The roles of docs/api.md. Spring Security sees them as authorities {@code ROLE_<name>}. */
public enum Role {
    STAFF,
    AUDITOR,
    VIEWER,
    ADMIN,
    /** A metrics scraper (Prometheus): {@code /actuator/prometheus} and nothing of the API. */
    METRICS
}

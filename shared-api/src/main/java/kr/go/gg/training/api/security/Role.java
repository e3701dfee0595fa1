package kr.go.gg.training.api.security;

/** The roles of API.md. Spring Security sees them as authorities {@code ROLE_<name>}. */
public enum Role {
    STAFF,
    AUDITOR,
    VIEWER,
    ADMIN
}

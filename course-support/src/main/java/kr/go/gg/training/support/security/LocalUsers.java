package kr.go.gg.training.support.security;

import java.util.Set;

/**
 * The documented local users' plain passwords (docs/api.md). A profile other than {@code standalone} that is
 * configured with any of them must refuse to start: they are public knowledge.
 */
public final class LocalUsers {

    public static final String PROFILE = "standalone";
    public static final String CONFIG_FILE = "course-local-users.yml";
    public static final Set<String> PUBLIC_PASSWORDS = Set.of("staff-pass", "auditor-pass", "viewer-pass", "admin-pass",
            "metrics-pass");

    private LocalUsers() {
    }
}

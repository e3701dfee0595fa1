package kr.go.gg.training.query.platform.page;

import kr.go.gg.training.support.security.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is looking, and what the roles of docs/api.md let them see: the server decides from this what a page holds
 * (a VIEWER's page is built without the roster, so neither the page nor any answer behind it carries a name).
 */
public record PageUser(String name, Role role) {

    public static PageUser current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return new PageUser("anonymous", Role.VIEWER);
        }
        Role role = authentication.getAuthorities().stream()
                .map(authority -> authority.getAuthority().replaceFirst("^ROLE_", ""))
                .map(PageUser::role).filter(r -> r != null).findFirst().orElse(Role.VIEWER);
        return new PageUser(authentication.getName(), role);
    }

    private static Role role(String name) {
        for (Role role : Role.values()) {
            if (role.name().equals(name)) {
                return role;
            }
        }
        return null;
    }

    /** Commands: STAFF and ADMIN. */
    public boolean mayAct() {
        return role == Role.STAFF || role == Role.ADMIN;
    }

    /** Rosters (personal data): STAFF, AUDITOR, ADMIN. */
    public boolean mayReadPersonal() {
        return role == Role.STAFF || role == Role.AUDITOR || role == Role.ADMIN;
    }

    /** History and the state as of an instant: AUDITOR, ADMIN, STAFF. */
    public boolean mayAudit() {
        return mayReadPersonal();
    }
}

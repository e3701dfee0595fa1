package kr.go.gg.training.query.platform.page;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form; Spring Security's form login takes its POST ({@link PageSecurityConfiguration}). */
@Controller
public class LoginPage {

    @GetMapping("/login")
    public String login() {
        return "pages/login";
    }
}

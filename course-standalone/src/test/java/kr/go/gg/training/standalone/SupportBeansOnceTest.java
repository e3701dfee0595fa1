package kr.go.gg.training.standalone;

import kr.go.gg.training.support.eventtable.EventTableSchema;
import kr.go.gg.training.support.health.HealthGroupNamesHidden;
import kr.go.gg.training.support.security.LoginThrottle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import static org.assertj.core.api.Assertions.assertThat;

/** Both apps in one process get course-support's pieces once: one users bean, one encoder, one filter of each. */
class SupportBeansOnceTest extends StandaloneTestBase {

    @Autowired
    ApplicationContext context;

    @Test
    void each_cross_cutting_piece_exists_once() {
        assertThat(context.getBeansOfType(UserDetailsService.class)).containsOnlyKeys("courseUserDetailsService");
        assertThat(context.getBeansOfType(PasswordEncoder.class)).containsOnlyKeys("coursePasswordEncoder");
        assertThat(context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys("commandSecurityFilterChain",
                "querySecurityFilterChain", "pageSecurityFilterChain", "fallbackSecurityFilterChain");
        assertThat(context.getBeansOfType(HealthGroupNamesHidden.class)).hasSize(1);
        assertThat(context.getBeansOfType(LoginThrottle.class)).hasSize(1);
        assertThat(context.getBeansOfType(ErrorController.class)).containsOnlyKeys("problemErrorController");
        assertThat(context.getBeansOfType(RequestRejectedHandler.class)).hasSize(1);
        assertThat(context.getBeansOfType(EventTableSchema.class)).hasSize(1);
        assertThat(context.getBeansOfType(FilterRegistrationBean.class)).containsKeys("correlationIdFilter", "userMdcFilter");
        assertThat(context.getBeansOfType(FilterRegistrationBean.class).values())
                .extracting(registration -> registration.getFilter().getClass().getSimpleName())
                .doesNotHaveDuplicates();
    }
}

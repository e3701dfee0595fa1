package kr.go.gg.training.query.platform.page;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** What every page's header shows: the user, the role, the language and the switch to the other one. */
@ControllerAdvice(annotations = WebPage.class)
public class PageModel {

    @ModelAttribute("page")
    public Header page(HttpServletRequest request) {
        PageUser user = PageUser.current();
        Locale locale = LocaleContextHolder.getLocale();
        String other = "en".equals(locale.getLanguage()) ? "ko" : "en";
        String switchLanguage = ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("lang", other)
                .build().toUriString();
        return new Header(user.name(), user.role().name(), locale.getLanguage(), switchLanguage, user.mayAct(),
                user.mayReadPersonal(), user.mayAudit());
    }

    /** The header's model; {@code lang} is the page's language ({@code ko} unless switched). */
    public record Header(String user, String role, String lang, String switchLanguage, boolean mayAct,
                         boolean mayReadPersonal, boolean mayAudit) {
    }
}

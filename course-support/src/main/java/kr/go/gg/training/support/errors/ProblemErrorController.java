package kr.go.gg.training.support.errors;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The error page ({@code server.error.path}, {@code /error}) in place of Boot's: every error that reaches it (404 of
 * an unknown path, 405, an exception no advice answered) becomes a problem with the original status and a detail
 * chosen by status, never the exception's message or class. Called directly, it is a path like any other with
 * nothing behind it: 404 (Boot's answered 500 to anyone). Written to the response directly, so the client's
 * {@code Accept} cannot turn an error into a 406.
 */
@Controller
public class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = request.getDispatcherType() == DispatcherType.ERROR && code instanceof Integer given && given >= 400
                ? given : 404;
        Problems.write(request, response, status, Problems.genericDetail(status));
    }
}

package kr.go.gg.training.command.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * A command runs only once its whole body has arrived. Jackson stops reading at the end of the JSON document, so a
 * body that declared more bytes than it sent was executed while its rest never came (issue 14). Here the rest is
 * read up to the declared end before the handler runs: whitespace may follow the document, anything else is a 400;
 * a body that stops before its end fails with Tomcat's read timeout ({@code server.tomcat.connection-timeout}),
 * which Tomcat answers with 408, and nothing is executed.
 */
@ControllerAdvice(basePackages = "kr.go.gg.training.command")
public class WholeBodyAdvice extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        try {
            InputStream rest = inputMessage.getBody();
            for (int b = rest.read(); b >= 0; b = rest.read()) {
                if (b != ' ' && b != '\t' && b != '\n' && b != '\r') { // JSON's whitespace
                    throw new HttpMessageNotReadableException("The request body continues after its JSON document",
                            inputMessage);
                }
            }
        } catch (IOException e) {
            throw new HttpMessageNotReadableException("The request body did not arrive in full", e, inputMessage);
        }
        return body;
    }
}

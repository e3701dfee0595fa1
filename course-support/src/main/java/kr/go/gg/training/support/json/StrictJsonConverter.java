package kr.go.gg.training.support.json;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConversionException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.util.StreamUtils;

/**
 * Reads a body through a decoder that reports malformed input instead of replacing it: Jackson's own UTF-8
 * reader takes overlong forms ({@code C0 AF} for "/"), encoded surrogates and truncated sequences. A body that
 * is not valid UTF-8 (or the charset its Content-Type names) fails with a {@link java.nio.charset.CharacterCodingException}.
 * Writing is Boot's converter unchanged.
 */
class StrictJsonConverter extends MappingJackson2HttpMessageConverter {

    StrictJsonConverter(ObjectMapper mapper) {
        super(mapper);
    }

    @Override
    public Object read(Type type, Class<?> contextClass, HttpInputMessage input) throws IOException {
        return readStrictly(getJavaType(type, contextClass), input);
    }

    @Override
    protected Object readInternal(Class<?> type, HttpInputMessage input) throws IOException {
        return readStrictly(getJavaType(type, null), input);
    }

    private Object readStrictly(JavaType type, HttpInputMessage input) throws IOException {
        MediaType contentType = input.getHeaders().getContentType();
        Charset charset = contentType == null || contentType.getCharset() == null ? StandardCharsets.UTF_8 : contentType.getCharset();
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        // the request's stream stays open: what reads after the converter (the command side's whole-body check)
        // must find its end, not a closed stream
        try (Reader reader = new InputStreamReader(StreamUtils.nonClosing(input.getBody()), decoder)) {
            return getObjectMapper().readerFor(type).readValue(reader);
        } catch (InvalidDefinitionException e) {
            throw new HttpMessageConversionException("Type definition error: " + e.getType(), e);
        } catch (JsonProcessingException e) {
            throw new HttpMessageNotReadableException("JSON parse error: " + e.getOriginalMessage(), e, input);
        }
    }
}

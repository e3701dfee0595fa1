package kr.go.gg.training.support.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/**
 * Request bodies are read strictly ({@link StrictJson}) by the HTTP message converter of both apps. Only that
 * converter: the application's ObjectMapper bean, which Axon's serializer uses for stored events, stays as it was,
 * so events written before (and what the upcasters make of them) read as they always did.
 */
@AutoConfiguration(after = JacksonAutoConfiguration.class, before = HttpMessageConvertersAutoConfiguration.class)
@ConditionalOnClass(ObjectMapper.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class StrictJsonAutoConfiguration {

    /** Takes the place of Boot's Jackson converter (it backs off for a bean of this type). */
    @Bean
    MappingJackson2HttpMessageConverter strictJsonHttpMessageConverter(Jackson2ObjectMapperBuilder builder) {
        return new StrictJsonConverter(StrictJson.mapper(builder));
    }
}

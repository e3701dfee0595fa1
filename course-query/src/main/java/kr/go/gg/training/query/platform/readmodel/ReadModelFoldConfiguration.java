package kr.go.gg.training.query.platform.readmodel;

import java.time.Clock;
import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Read models as of a past instant ({@link ReadModelFolds}): {@code course.query.as-of.max-folds} (2) at a time per
 * node, {@code course.query.as-of.skew} (60s: the unit-of-work timeout, the longest an event's stamp may precede its
 * commit) read beyond the instant, {@code course.query.rebuild.buffer-documents} changed documents held before a
 * bulk write into the throwaway database.
 */
@Configuration(proxyBeanMethods = false)
public class ReadModelFoldConfiguration {

    @Bean(destroyMethod = "close")
    public ReadModelFolds readModelFolds(EventProcessingConfiguration processing,
                                         @Value("${course.query.as-of.skew:60s}") Duration skew,
                                         @Value("${course.query.as-of.max-folds:2}") int maxFolds,
                                         @Value("${course.query.rebuild.buffer-documents:20000}") int bufferDocuments) {
        return new ReadModelFolds(processing, skew, maxFolds, bufferDocuments, Clock.systemUTC());
    }
}

package kr.go.gg.training.command.embedded.privacy;

import javax.sql.DataSource;

import kr.go.gg.training.api.upcasting.CourseEventUpcasters;
import kr.go.gg.training.support.eventtable.EventTableSchema;
import kr.go.gg.training.support.keys.SubjectKeyStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Personal data on the embedded default: the key store is the table beside the events (course-support); here the
 * check that it is the events' own store and the one-time sealing of enrolments stored before, with the rewrite
 * of the file after it (docs/privacy.md).
 */
@Configuration(proxyBeanMethods = false)
@Profile("!axonserver")
public class EmbeddedPrivacyConfiguration {

    @Bean
    FileRewrite eventFileRewrite(DataSource dataSource) {
        return new FileRewrite(dataSource);
    }

    /**
     * Runs while singletons are built: before Axon starts any processor or takes any command, after the event
     * tables exist (a fresh file).
     */
    @Bean
    PrivacyStart privacyStart(EventTableSchema eventTables, DataSource dataSource, PlatformTransactionManager transactions,
                              @Qualifier("eventSerializer") Serializer eventSerializer,
                              @Qualifier(CourseEventUpcasters.BEAN_NAME) EventUpcaster upcasters,
                              SubjectKeyStore keys, FileRewrite eventFileRewrite,
                              @Value("${course.privacy.accept-lost-keys:false}") boolean acceptLostKeys) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        PlainEnrolmentMigration migration = new PlainEnrolmentMigration(jdbc, new TransactionTemplate(transactions),
                eventSerializer, upcasters, keys);
        return new PrivacyStart(new KeyStoreCheck(jdbc, keys, acceptLostKeys), migration, eventFileRewrite);
    }
}

package kr.go.gg.training.support.keys;

import javax.sql.DataSource;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One key store per process, for both sides: beside the events on the embedded default's DataSource; else (profile
 * {@code axonserver}, no DataSource) in MongoDB at {@code course.privacy.keys.uri}, database
 * {@code course.privacy.keys.database} (default {@code course-keys}). With it the lookup that readers use, which is
 * also the health indicator {@code personalDataKeys}.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
public class SubjectKeyStoreAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnSingleCandidate(DataSource.class)
    @ConditionalOnMissingBean(SubjectKeyStore.class)
    static class BesideTheEvents {

        @Bean
        JdbcSubjectKeyStore subjectKeyStore(DataSource dataSource) {
            return new JdbcSubjectKeyStore(dataSource);
        }

        @Bean
        SubjectKeyLookup personalDataKeysHealthIndicator(JdbcSubjectKeyStore subjectKeyStore) {
            return new SubjectKeyLookup(subjectKeyStore);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty("course.privacy.keys.uri")
    @ConditionalOnMissingBean(SubjectKeyStore.class)
    static class InMongo {

        /** Its own client, not a bean: the query side's one MongoClient bean stays the read models'. */
        @Bean(destroyMethod = "close")
        MongoSubjectKeyStore subjectKeyStore(@Value("${course.privacy.keys.uri}") String uri,
                                             @Value("${course.privacy.keys.database:course-keys}") String database) {
            MongoClient client = MongoClients.create(uri);
            return new MongoSubjectKeyStore(client, client.getDatabase(database));
        }

        @Bean
        SubjectKeyLookup personalDataKeysHealthIndicator(MongoSubjectKeyStore subjectKeyStore) {
            return new SubjectKeyLookup(subjectKeyStore);
        }
    }
}

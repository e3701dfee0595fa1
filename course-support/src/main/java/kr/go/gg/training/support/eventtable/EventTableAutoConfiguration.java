package kr.go.gg.training.support.eventtable;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The event tables on the embedded default's DataSource, once per process, for whichever app starts first on an
 * empty file (the query side reads them, the command side writes them). Without a DataSource (profile
 * {@code axonserver}) there is none.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnSingleCandidate(DataSource.class)
public class EventTableAutoConfiguration {

    @Bean
    public EventTableSchema eventTableSchema(DataSource dataSource) {
        return new EventTableSchema(dataSource);
    }
}

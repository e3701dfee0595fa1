package kr.go.gg.training.command.embedded.agreement;

import javax.sql.DataSource;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Set-based validation for China courses, on the embedded default (under {@code axonserver}:
 * {@code StreamedAgreementLookup}). The lookup's processing group is a SUBSCRIBING processor: it handles
 * AgreementRecorded inside the unit of work (and JDBC transaction) that appends it, and its failures propagate,
 * so the agreement and its lookup row commit together and a course proposed right afterwards sees it.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!axonserver")
public class AgreementLookupConfiguration {

    public static final String PROCESSING_GROUP = "agreement-lookup";

    @Bean
    JdbcAgreementLookup agreementLookup(DataSource dataSource) {
        return new JdbcAgreementLookup(dataSource);
    }

    @Bean
    AgreementLookupProjector agreementLookupProjector(JdbcAgreementLookup agreementLookup) {
        return new AgreementLookupProjector(agreementLookup);
    }

    @Bean
    ConfigurerModule agreementLookupProcessor() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(PROCESSING_GROUP, c -> PropagatingErrorHandler.instance())
                // it sees every event inside every command's commit: Axon's per-message monitors (a latency gauge
                // looked up per message, counters, timers) cost there; course.commands times that whole path
                .registerMessageMonitor(PROCESSING_GROUP, c -> NoOpMessageMonitor.instance());
    }
}

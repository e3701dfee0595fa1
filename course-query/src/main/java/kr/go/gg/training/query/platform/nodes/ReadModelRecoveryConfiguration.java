package kr.go.gg.training.query.platform.nodes;

import kr.go.gg.training.query.platform.readmodel.ProcessingGroups;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Under axonserver: the read-model processor follows again within a second or two of Axon Server coming back
 * ({@link ReadModelWatchdog}), not after Axon's error back-off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true")
public class ReadModelRecoveryConfiguration {

    @Bean
    ReadModelWatchdog readModelWatchdog(EventProcessingConfiguration processing,
                                        ObjectProvider<AxonServerConnectionManager> connections,
                                        ObjectProvider<AxonServerConfiguration> axonServer,
                                        ReadModelNodes readModelNodes) {
        var processor = QueryNodesConfiguration.readModelProcessor(processing);
        return new ReadModelWatchdog(() -> ProcessingGroups.ALL.stream().map(processor).toList(),
                () -> connections.getObject().isConnected(axonServer.getObject().getContext()), readModelNodes);
    }
}

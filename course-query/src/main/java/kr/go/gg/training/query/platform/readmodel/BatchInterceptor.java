package kr.go.gg.training.query.platform.readmodel;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * A read-model processor's handler interceptor: names the generation its batches write (the live one), marks each
 * batch of a processor with several segments (configured, or the batch's segment found to be one of several)
 * {@link BatchedCollection#SEVERAL_SEGMENTS}, once per batch, and
 * flushes every batched collection after the batch's last event.
 */
final class BatchInterceptor implements MessageHandlerInterceptor<EventMessage<?>> {

    private final Configuration configuration;
    private final String processor;
    /** The unit-of-work resource in which Axon's tracking processor names the segment a batch belongs to. */
    private final String segmentId;
    private final boolean configuredSeveral;
    private final ReadModelClaim claim;
    private final ReadModelGenerations generations;

    BatchInterceptor(Configuration configuration, String processor, boolean configuredSeveral, ReadModelClaim claim,
                     ReadModelGenerations generations) {
        this.configuration = configuration;
        this.processor = processor;
        this.segmentId = "Processor[" + processor + "]/SegmentId";
        this.configuredSeveral = configuredSeveral;
        this.claim = claim;
        this.generations = generations;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        var resources = unitOfWork.root().resources();
        if (!resources.containsKey(BatchedCollection.SEVERAL_SEGMENTS)) {
            boolean several = configuredSeveral || claim.isSeveralSegments()
                    || !onlySegment(unitOfWork.root().getResource(segmentId));
            if (several) {
                claim.severalSegments();
            }
            resources.put(BatchedCollection.SEVERAL_SEGMENTS, several);
            // the live generation: it changes only while this processor is stopped on every node (a switch)
            resources.put(BatchedCollection.GENERATION, generations.live(processor));
        }
        Object result = chain.proceed();
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage()) {
            BatchedCollection.flushAll(unitOfWork);
        }
        return result;
    }

    /**
     * Whether the batch's segment is the processor's only one (mask 0): true outside a tracking processor, false
     * when the processor does not (or no longer) know the segment.
     */
    private boolean onlySegment(Object segmentId) {
        if (!(segmentId instanceof Integer id)) {
            return true;
        }
        return configuration.eventProcessingConfiguration()
                .eventProcessor(processor, TrackingEventProcessor.class)
                .map(processor -> {
                    EventTrackerStatus status = processor.processingStatus().get(id);
                    return status != null && status.getSegment().getMask() == 0;
                })
                .orElse(true);
    }
}

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
 * The read-model processor's handler interceptor: marks each batch of a processor with several segments (configured,
 * or the batch's segment found to be one of several) {@link BatchedCollection#SEVERAL_SEGMENTS}, once per batch, and
 * flushes every batched collection after the batch's last event.
 */
final class BatchInterceptor implements MessageHandlerInterceptor<EventMessage<?>> {

    /** The unit-of-work resource in which Axon's tracking processor names the segment a batch belongs to. */
    private static final String SEGMENT_ID = "Processor[" + ProcessingGroups.READ_MODELS + "]/SegmentId";

    private final Configuration configuration;
    private final boolean configuredSeveral;
    private final ReadModelClaim claim;

    BatchInterceptor(Configuration configuration, boolean configuredSeveral, ReadModelClaim claim) {
        this.configuration = configuration;
        this.configuredSeveral = configuredSeveral;
        this.claim = claim;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        var resources = unitOfWork.root().resources();
        if (!resources.containsKey(BatchedCollection.SEVERAL_SEGMENTS)) {
            boolean several = configuredSeveral || claim.isSeveralSegments()
                    || !onlySegment(unitOfWork.root().getResource(SEGMENT_ID));
            if (several) {
                claim.severalSegments();
            }
            resources.put(BatchedCollection.SEVERAL_SEGMENTS, several);
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
                .eventProcessor(ProcessingGroups.READ_MODELS, TrackingEventProcessor.class)
                .map(processor -> {
                    EventTrackerStatus status = processor.processingStatus().get(id);
                    return status != null && status.getSegment().getMask() == 0;
                })
                .orElse(true);
    }
}

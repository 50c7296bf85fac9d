package com.zhidian.campaigns.api;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.zhidian.campaigns.application.DeliveryService;
import com.zhidian.campaigns.domain.DeliveryQueue;
import com.zhidian.campaigns.store.SqsDeliveryQueue;
import com.zhidian.core.Log;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The delivery consumer as a plain {@code Function<SQSEvent, SQSBatchResponse>} bean: each record is one job; a job
 * done (delivered, or skipped with its reason) is left for the event source to delete; a job deferred by quiet hours
 * is hidden until the morning (ChangeMessageVisibility) and reported as a batch item failure, so it is not deleted;
 * a job that failed is reported too and comes back after the visibility timeout (and, after maxReceiveCount, lands in
 * the dead-letter queue). Redelivery is harmless: the delivery transaction refuses a second message.
 */
public final class DeliveryConsumer implements Function<SQSEvent, SQSBatchResponse> {
    /** Hides a received record until a time (SQS in AWS; a test's fake). */
    public interface Deferrer {
        void defer(String receiptHandle, long seconds);
    }

    private final DeliveryService deliveries;
    private final Deferrer deferrer;
    private final Clock clock;

    public DeliveryConsumer(DeliveryService deliveries, Deferrer deferrer, Clock clock) {
        this.deliveries = deliveries;
        this.deferrer = deferrer;
        this.clock = clock;
    }

    /** Over the queue of {@code queueUrl}. */
    public static DeliveryConsumer onSqs(DeliveryService deliveries, String queueUrl, Clock clock) {
        return new DeliveryConsumer(deliveries, (receipt, seconds) -> SqsDeliveryQueue.deferReceived(queueUrl, receipt, seconds), clock);
    }

    @Override
    public SQSBatchResponse apply(SQSEvent event) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        List<DeliveryQueue.Job> jobs = new ArrayList<>();
        for (SQSEvent.SQSMessage m : event.getRecords()) {
            try {
                jobs.add(SqsDeliveryQueue.job(m.getBody()));
                records.add(m);
            } catch (RuntimeException e) {
                Log.warn("unreadable delivery job; it returns to the queue", Map.of("messageId", m.getMessageId(), "error", e.toString()));
                failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
            }
        }
        List<DeliveryService.Outcome> outcomes;
        try {
            outcomes = deliveries.handleAll(jobs);
        } catch (RuntimeException batchFailed) {
            // the batch as a whole failed: each job alone, so one bad job does not hold back the others
            outcomes = new ArrayList<>();
            for (DeliveryQueue.Job j : jobs) {
                try {
                    outcomes.add(deliveries.handle(j));
                } catch (RuntimeException e) {
                    outcomes.add(null);
                }
            }
        }
        for (int i = 0; i < records.size(); i++) {
            SQSEvent.SQSMessage m = records.get(i);
            DeliveryService.Outcome o = outcomes.get(i);
            if (o == null) {
                Log.warn("delivery job failed; it returns to the queue", Map.of("messageId", m.getMessageId()));
                failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
            } else if (!o.done()) {
                try {
                    deferrer.defer(m.getReceiptHandle(), Duration.between(clock.instant(), o.retryAt()).toSeconds() + 1);
                } catch (RuntimeException e) {
                    Log.warn("could not hide a deferred job; it returns after the visibility timeout", Map.of("messageId", m.getMessageId()));
                }
                failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }
}

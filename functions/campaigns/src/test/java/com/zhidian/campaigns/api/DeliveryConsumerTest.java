package com.zhidian.campaigns.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.zhidian.campaigns.application.HarnessAccess;
import com.zhidian.campaigns.domain.DeliveryQueue;
import com.zhidian.campaigns.store.SqsDeliveryQueue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The consumer bean on SQS events: a batch taken again after a crash delivers nothing twice; quiet hours hide the record. */
class DeliveryConsumerTest {
    private final HarnessAccess h = new HarnessAccess();
    private final Map<String, Long> deferred = new HashMap<>();
    private final DeliveryConsumer consumer = new DeliveryConsumer(h.deliveries(), deferred::put, h.clock());

    private static SQSEvent event(List<DeliveryQueue.Job> jobs, String receiptPrefix) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
            m.setMessageId("m" + i);
            m.setReceiptHandle(receiptPrefix + i);
            m.setBody(SqsDeliveryQueue.body(jobs.get(i)));
            records.add(m);
        }
        SQSEvent e = new SQSEvent();
        e.setRecords(records);
        return e;
    }

    @Test
    void aBatchRedeliveredAfterTheConsumerDied_messagesEachMemberOnce() {
        List<DeliveryQueue.Job> jobs = h.sendToMembers(6);
        // the first consumer handles half the batch and dies: nothing was deleted, the whole batch comes back
        consumer.apply(event(jobs.subList(0, 3), "r1-"));
        assertEquals(3, h.messages());
        SQSBatchResponse again = consumer.apply(event(jobs, "r2-"));
        assertTrue(again.getBatchItemFailures().isEmpty(), "every record done: the event source deletes them all");
        assertEquals(6, h.messages());
        consumer.apply(event(jobs, "r3-"));
        assertEquals(6, h.messages());
    }

    @Test
    void aJobInQuietHours_isHiddenUntilTheMorning_andReportedSoItIsNotDeleted() {
        h.clock().set(Instant.parse("2026-03-02T14:30:00Z")); // 22:30 in Shanghai
        List<DeliveryQueue.Job> jobs = h.sendToMembers(1);
        SQSBatchResponse r = consumer.apply(event(jobs, "r-"));
        assertEquals(List.of("m0"), r.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList());
        assertEquals(9L * 3600 + 30 * 60 + 1, deferred.get("r-0"), "until 08:00 in Shanghai");
        assertEquals(0, h.messages());
    }

    @Test
    void aRecordThatIsNotAJob_isReportedAndTheRestAreDelivered() {
        List<DeliveryQueue.Job> jobs = h.sendToMembers(2);
        SQSEvent e = event(jobs, "r-");
        e.getRecords().get(0).setBody("{not json");
        SQSBatchResponse r = consumer.apply(e);
        assertEquals(1, r.getBatchItemFailures().size());
        assertEquals(1, h.messages());
    }
}

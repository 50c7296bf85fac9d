package com.zhidian.campaigns.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.campaigns.application.HarnessAccess;
import com.zhidian.campaigns.domain.DeliveryQueue;
import com.zhidian.campaigns.store.SqsDeliveryQueue;
import com.zhidian.core.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The delivery consumer as Lambda runs it: Spring Cloud Function's AWS adapter (the handler is a FunctionInvoker) over
 * the functionally registered {@code deliverCampaignMessages} bean; the SQS event's JSON in, as Lambda sends it, the
 * batch item failures out, as Lambda reads them.
 */
class DeliveryHandlerTest {
    private static final HarnessAccess H = new HarnessAccess();
    private static final Map<String, Long> DEFERRED = new HashMap<>();
    private static DeliveryHandler handler;

    @BeforeAll
    static void start() {
        handler = new DeliveryHandler(new DeliveryConsumer(H.deliveries(), DEFERRED::put, H.clock()));
    }

    private static JsonNode invoke(String json) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), out, null);
        return Json.MAPPER.readTree(out.toByteArray());
    }

    /** An SQS event exactly as Lambda's event source mapping delivers it (the documented sample's fields). */
    private static String awsEvent(List<DeliveryQueue.Job> jobs, String receiptPrefix) {
        StringBuilder b = new StringBuilder("{\"Records\":[");
        for (int i = 0; i < jobs.size(); i++) {
            if (i > 0) b.append(',');
            Map<String, Object> r = new java.util.LinkedHashMap<>();
            r.put("messageId", "m" + i);
            r.put("receiptHandle", receiptPrefix + i);
            r.put("body", SqsDeliveryQueue.body(jobs.get(i)));
            r.put("attributes", Map.of("ApproximateReceiveCount", "1", "SentTimestamp", "1545082649183",
                    "SenderId", "AIDAIENQZJOLO23YVJ4VO", "ApproximateFirstReceiveTimestamp", "1545082649185"));
            r.put("messageAttributes", Map.of());
            r.put("md5OfBody", "e4e68fb7bd0e697a0ae8f1bb342846b3");
            r.put("eventSource", "aws:sqs");
            r.put("eventSourceARN", "arn:aws:sqs:us-east-2:123456789012:my-queue");
            r.put("awsRegion", "us-east-2");
            b.append(Json.write(r));
        }
        return b.append("]}").toString();
    }

    @Test
    void lambdasSqsEventThroughTheAdapter_deliversEachMemberOnce_andReportsWhatMustComeBack() throws Exception {
        List<DeliveryQueue.Job> jobs = H.sendToMembers(3);
        int before = H.messages();
        JsonNode answer = invoke(awsEvent(jobs, "r1-"));
        assertEquals(0, answer.path("batchItemFailures").size(), answer::toString);
        assertEquals(before + 3, H.messages());
        // the same batch again (a retry after a timeout): nothing twice
        assertEquals(0, invoke(awsEvent(jobs, "r2-")).path("batchItemFailures").size());
        assertEquals(before + 3, H.messages());
    }

    @Test
    void aJobInQuietHoursIsReportedAsABatchItemFailure_andHiddenUntilMorning() throws Exception {
        Instant was = H.clock().instant();
        H.clock().set(Instant.parse("2026-03-02T14:30:00Z")); // 22:30 in Shanghai
        try {
            List<DeliveryQueue.Job> jobs = H.sendToMembers(1);
            JsonNode answer = invoke(awsEvent(jobs, "q-"));
            assertEquals("m0", answer.at("/batchItemFailures/0/itemIdentifier").asText(), answer::toString);
            assertEquals(9L * 3600 + 30 * 60 + 1, DEFERRED.get("q-0"));
        } finally {
            H.clock().set(was);
        }
    }

    @Test
    void theEventAsZhidianLocalsSqsStandInSerialisesIt_isReadTheSame() throws Exception {
        List<DeliveryQueue.Job> jobs = H.sendToMembers(2);
        SQSEvent e = new SQSEvent();
        List<SQSEvent.SQSMessage> records = new java.util.ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
            m.setMessageId("z" + i);
            m.setReceiptHandle("z-" + i);
            m.setBody(i == 0 ? "{not json" : SqsDeliveryQueue.body(jobs.get(i)));
            m.setEventSource("aws:sqs");
            records.add(m);
        }
        e.setRecords(records);
        int before = H.messages();
        JsonNode answer = invoke(Json.write(e));
        assertEquals(List.of("z0"), List.of(answer.at("/batchItemFailures/0/itemIdentifier").asText()), answer::toString);
        assertEquals(1, answer.path("batchItemFailures").size());
        assertEquals(before + 1, H.messages());
    }
}

package com.zhidian.local;

import static com.zhidian.local.TestSupport.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.local.aws.Json;
import com.zhidian.local.sqs.SqsQueue;
import com.zhidian.local.testfns.RefusingStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A stream batch the function keeps failing is skipped after {@code MaximumRetryAttempts}, as Lambda does, and with a
 * {@code DestinationConfig: OnFailure} queue its invocation record goes there in Lambda's shape: nothing vanishes.
 */
class DynamoStreamsOnFailureTest {
    @Test
    void aSkippedBatchLeavesItsInvocationRecordInTheOnFailureQueue() throws Exception {
        try (ZhidianLocal local = ZhidianLocal.start(LocalConfig.ephemeral().template(TestSupport.template()))) {
            String url = local.gatewayUrl();
            SqsQueue failures = local.sqs().queue(local.sqs().names().stream().filter(n -> n.endsWith("-stream-failures")).findFirst().orElseThrow());
            // three items the refusing function's filter selects, one it does not
            for (String k : List.of("r1", "r2", "r3")) assertEquals(204, send("PUT", url + "/table/" + k, "refuse me", "Content-Type", "text/plain").status());
            assertEquals(204, send("PUT", url + "/table/ok", "keep me", "Content-Type", "text/plain").status());

            long deadline = System.nanoTime() + 30_000_000_000L;
            List<JsonNode> records = new ArrayList<>();
            while (System.nanoTime() < deadline) {
                records.clear();
                for (SqsQueue.Msg m : failures.all()) records.add(Json.parse(m.body().getBytes()));
                if (records.stream().mapToInt(r -> r.at("/DDBStreamBatchInfo/batchSize").asInt()).sum() >= 3) break;
                Thread.sleep(50);
            }
            assertEquals(3, records.stream().mapToInt(r -> r.at("/DDBStreamBatchInfo/batchSize").asInt()).sum(), "every refused record, once: " + records);

            // each record names one batch the function was given twice (the first call and its one retry)
            List<List<String>> given = new ArrayList<>(RefusingStream.BATCHES);
            List<Long> calledAt = new ArrayList<>(RefusingStream.CALLED_AT);
            String streamArn = RefusingStream.ARNS.peek();
            Set<List<String>> named = new HashSet<>();
            for (JsonNode r : records) {
                JsonNode info = r.get("DDBStreamBatchInfo");
                List<String> batch = given.stream().filter(b -> b.get(0).equals(info.get("startSequenceNumber").asText())).findFirst().orElseThrow();
                assertEquals(2, given.stream().filter(batch::equals).count(), "invoked once and retried once");
                int firstCall = given.indexOf(batch), retry = given.lastIndexOf(batch);
                assertTrue(calledAt.get(retry) - calledAt.get(firstCall) >= 100_000_000L, "the retry waited its backoff (100 ms)");
                assertEquals(batch.get(batch.size() - 1), info.get("endSequenceNumber").asText());
                assertEquals(batch.size(), info.get("batchSize").asInt());
                assertTrue(named.add(batch), "one record per batch");
                assertTrue(info.get("shardId").asText().startsWith("shardId-"), info.toString());
                assertEquals(streamArn, info.get("streamArn").asText());
                Instant first = Instant.parse(info.get("approximateArrivalOfFirstRecord").asText());
                assertTrue(!first.isAfter(Instant.parse(info.get("approximateArrivalOfLastRecord").asText())));
                assertTrue(first.isAfter(Instant.now().minusSeconds(120)), "arrival in epoch seconds: " + first);

                assertEquals("RetryAttemptsExhausted", r.at("/requestContext/condition").asText());
                assertEquals(2, r.at("/requestContext/approximateInvokeCount").asInt());
                assertTrue(r.at("/requestContext/functionArn").asText().matches("arn:aws:lambda:[^:]+:\\d{12}:function:RefusingStreamFunction"),
                        r.toString());
                assertTrue(!r.at("/requestContext/requestId").asText().isEmpty());
                assertEquals("Unhandled", r.at("/responseContext/functionError").asText());
                assertEquals("1.0", r.get("version").asText());
                Instant.parse(r.get("timestamp").asText());
            }
        }
    }

    @Test
    void theShelfLabelsPushNamesItsOnFailureQueue() throws Exception {
        var template = com.zhidian.local.template.SamTemplate.load(com.zhidian.local.template.SamTemplate.find(Path.of("")).orElseThrow());
        var push = DynamoStreamsFromTemplate.read(template).stream().filter(m -> m.functionId().equals("EslPushFunction")).findFirst().orElseThrow();
        assertEquals("EslPushFailedBatchesQueue", push.onFailure());
        assertEquals("AWS::SQS::Queue", template.typeOf(push.onFailure()));
    }
}

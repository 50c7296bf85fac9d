package com.zhidian.campaigns.store;

import com.zhidian.campaigns.domain.DeliveryQueue;
import com.zhidian.core.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * The delivery queue on Amazon SQS (Zhidian Local: its SQS stand-in, through {@code aws.endpointUrlSqs}): one message
 * per member, sent ten to a SendMessageBatch; an entry SQS refuses is sent again, the batch fails after three tries.
 */
public final class SqsDeliveryQueue implements DeliveryQueue {
    private static final class Holder {
        static final SqsClient SQS = SqsClient.builder()
                .httpClient(ApacheHttpClient.builder().connectionTimeout(Duration.ofSeconds(1)).socketTimeout(Duration.ofSeconds(6)).build())
                .build();
    }

    private final String queueUrl;

    public SqsDeliveryQueue(String queueUrl) {
        this.queueUrl = queueUrl;
    }

    /** The job as a message body. */
    public static String body(Job j) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("tenantId", j.tenantId());
        m.put("campaignId", j.campaignId());
        m.put("memberId", j.memberId());
        return Json.write(m);
    }

    /** The job a message body names. */
    public static Job job(String body) {
        try {
            var n = Json.read(body);
            return new Job(n.get("tenantId").asText(), n.get("campaignId").asText(), n.get("memberId").asText());
        } catch (Exception e) {
            throw new IllegalArgumentException("not a delivery job: " + body, e);
        }
    }

    @Override
    public void send(List<Job> jobs) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            entries.add(SendMessageBatchRequestEntry.builder().id("j" + i).messageBody(body(jobs.get(i))).build());
        }
        for (int attempt = 0; attempt < 3 && !entries.isEmpty(); attempt++) {
            List<SendMessageBatchRequestEntry> batch = entries;
            SendMessageBatchResponse r = Holder.SQS.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(batch));
            List<String> failed = r.failed().stream().map(f -> f.id()).toList();
            entries = batch.stream().filter(e -> failed.contains(e.id())).toList();
        }
        if (!entries.isEmpty()) throw new IllegalStateException(entries.size() + " delivery jobs could not be queued");
    }

    /** Hides a received job until {@code seconds} from now (at most 12 hours, as SQS allows). */
    public static void deferReceived(String queueUrl, String receiptHandle, long seconds) {
        int s = (int) Math.max(0, Math.min(43_200, seconds));
        Holder.SQS.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(receiptHandle).visibilityTimeout(s));
    }
}

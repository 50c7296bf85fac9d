package com.zhidian.local.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/**
 * The stand-in through the real SDK v2 SqsClient (JSON protocol, MD5 checks of bodies on), with the shapes of the SQS
 * API reference's examples: a queue and its URL, send and receive with receipt handles, the visibility timeout, the
 * receive count, batches with Successful/Failed entries, and redrive to the dead-letter queue.
 */
class SqsLocalTest {
    static SqsLocal sqs;
    static SqsClient client;
    static final MutableClock CLOCK = new MutableClock();

    static final class MutableClock extends Clock {
        volatile Instant now = Instant.parse("2026-03-02T02:00:00Z");
        @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    @BeforeAll
    static void start() {
        sqs = SqsLocal.start("127.0.0.1", 0);
        sqs.setClock(CLOCK);
        client = SqsClient.builder().endpointOverride(sqs.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "secret")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        sqs.close();
    }

    private static String queue(String name, Map<QueueAttributeName, String> attrs) {
        return client.createQueue(b -> b.queueName(name).attributes(attrs)).queueUrl();
    }

    @Test
    void createQueue_getQueueUrl_andAMissingQueue() {
        String url = queue("MyQueue", Map.of());
        assertTrue(url.endsWith("/000000000000/MyQueue"), url);
        assertEquals(url, client.getQueueUrl(b -> b.queueName("MyQueue")).queueUrl());
        assertThrows(QueueDoesNotExistException.class, () -> client.getQueueUrl(b -> b.queueName("nope")));
        assertThrows(QueueDoesNotExistException.class, () -> client.sendMessage(b -> b.queueUrl(url + "x").messageBody("m")));
    }

    @Test
    void sendReceiveDelete_withTheVisibilityTimeoutAndTheReceiveCount() {
        String url = queue("orders", Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "30"));
        SendMessageResponse sent = client.sendMessage(b -> b.queueUrl(url).messageBody("This is my message text."));
        assertEquals("6a1559560f67c5e7a7d5d838bf0272ee", sent.md5OfMessageBody(), "MD5 of the body, hex (the SDK checks it too)");

        List<Message> first = client.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        assertEquals(1, first.size());
        assertEquals(sent.messageId(), first.get(0).messageId());
        assertEquals("1", first.get(0).attributesAsStrings().get("ApproximateReceiveCount"));
        assertTrue(client.receiveMessage(b -> b.queueUrl(url)).messages().isEmpty(), "invisible for 30 s");

        CLOCK.now = CLOCK.now.plus(Duration.ofSeconds(31));
        List<Message> again = client.receiveMessage(b -> b.queueUrl(url).messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        assertEquals("2", again.get(0).attributesAsStrings().get("ApproximateReceiveCount"));
        assertNotEquals(first.get(0).receiptHandle(), again.get(0).receiptHandle(), "each receive has its own receipt handle");
        assertThrows(ReceiptHandleIsInvalidException.class,
                () -> client.deleteMessage(b -> b.queueUrl(url).receiptHandle("not-a-handle")));
        client.deleteMessage(b -> b.queueUrl(url).receiptHandle(again.get(0).receiptHandle()));
        CLOCK.now = CLOCK.now.plus(Duration.ofMinutes(5));
        assertTrue(client.receiveMessage(b -> b.queueUrl(url)).messages().isEmpty(), "deleted for good");
    }

    @Test
    void changeMessageVisibility_hidesOrReleasesAMessage() {
        String url = queue("deferred", Map.of());
        client.sendMessage(b -> b.queueUrl(url).messageBody("later"));
        Message m = client.receiveMessage(b -> b.queueUrl(url)).messages().get(0);
        client.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
        Message back = client.receiveMessage(b -> b.queueUrl(url)).messages().get(0);
        client.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(back.receiptHandle()).visibilityTimeout(36_000));
        CLOCK.now = CLOCK.now.plus(Duration.ofHours(9));
        assertTrue(client.receiveMessage(b -> b.queueUrl(url)).messages().isEmpty());
        CLOCK.now = CLOCK.now.plus(Duration.ofHours(1).plusSeconds(1));
        assertEquals("later", client.receiveMessage(b -> b.queueUrl(url)).messages().get(0).body());
    }

    @Test
    void batches_answerSuccessfulAndFailedEntries() {
        String url = queue("batch", Map.of());
        SendMessageBatchResponse sent = client.sendMessageBatch(b -> b.queueUrl(url).entries(
                SendMessageBatchRequestEntry.builder().id("test_msg_001").messageBody("test message body 1").build(),
                SendMessageBatchRequestEntry.builder().id("test_msg_002").messageBody("test message body 2").delaySeconds(10).build()));
        assertEquals(2, sent.successful().size());
        assertEquals("test_msg_001", sent.successful().get(0).id());
        List<Message> got = client.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages();
        assertEquals(1, got.size(), "the second is delayed 10 s");
        DeleteMessageBatchResponse del = client.deleteMessageBatch(b -> b.queueUrl(url).entries(
                DeleteMessageBatchRequestEntry.builder().id("a").receiptHandle(got.get(0).receiptHandle()).build(),
                DeleteMessageBatchRequestEntry.builder().id("b").receiptHandle("bogus").build()));
        assertEquals(1, del.successful().size());
        assertEquals("b", del.failed().get(0).id());
        assertEquals("ReceiptHandleIsInvalid", del.failed().get(0).code());
    }

    @Test
    void aMessageReceivedMaxReceiveCountTimes_movesToTheDeadLetterQueue() {
        String dlqUrl = queue("work-dlq", Map.of());
        String dlqArn = client.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String url = queue("work", Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "5",
                QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"2\"}"));
        client.sendMessage(b -> b.queueUrl(url).messageBody("poison"));
        for (int i = 0; i < 2; i++) {
            assertEquals(1, client.receiveMessage(b -> b.queueUrl(url)).messages().size());
            CLOCK.now = CLOCK.now.plusSeconds(6);
        }
        assertTrue(client.receiveMessage(b -> b.queueUrl(url)).messages().isEmpty(), "a third receive finds it gone");
        assertEquals("poison", client.receiveMessage(b -> b.queueUrl(dlqUrl)).messages().get(0).body());
    }
}

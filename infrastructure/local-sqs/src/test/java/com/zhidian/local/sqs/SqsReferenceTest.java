package com.zhidian.local.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.local.aws.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchEntryIdsNotDistinctException;
import software.amazon.awssdk.services.sqs.model.BatchRequestTooLongException;
import software.amazon.awssdk.services.sqs.model.InvalidAttributeNameException;
import software.amazon.awssdk.services.sqs.model.InvalidAttributeValueException;
import software.amazon.awssdk.services.sqs.model.InvalidBatchEntryIdException;
import software.amazon.awssdk.services.sqs.model.InvalidMessageContentsException;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageNotInflightException;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;
import software.amazon.awssdk.services.sqs.model.TooManyEntriesInBatchRequestException;

/**
 * The stand-in against the Amazon SQS API reference (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/)
 * and the developer guide, through the SDK v2 SqsClient (whose MessageMD5ChecksumInterceptor checks MD5OfMessageBody
 * and MD5OfMessageAttributes) and raw JSON-protocol requests. Each test names the section it checks.
 */
class SqsReferenceTest {
    static SqsLocal sqs;
    static SqsClient client;

    @BeforeAll
    static void start() {
        sqs = SqsLocal.start("127.0.0.1", 0);
        client = SqsClient.builder().endpointOverride(sqs.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "secret")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        sqs.close();
    }

    private static String queue(String name) {
        return client.createQueue(b -> b.queueName(name)).queueUrl();
    }

    private static HttpResponse<String> raw(String op, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(sqs.endpoint())
                .header("Content-Type", "application/x-amz-json-1.0").header("X-Amz-Target", "AmazonSQS." + op)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** "Interpreting Amazon SQS JSON API responses": __type names the error, x-amzn-query-error its query code. */
    @Test
    void errors_carryTheQueryCodeInXAmznQueryError() throws Exception {
        HttpResponse<String> r = raw("GetQueueUrl", "{\"QueueName\":\"absent\"}");
        assertEquals(400, r.statusCode());
        assertEquals("AWS.SimpleQueueService.NonExistentQueue;Sender", r.headers().firstValue("x-amzn-query-error").orElse(null));
        JsonNode body = Json.parse(r.body().getBytes());
        assertEquals("com.amazonaws.sqs#QueueDoesNotExist", body.path("__type").asText());
        assertFalse(body.path("message").asText().isEmpty());

        QueueDoesNotExistException e = assertThrows(QueueDoesNotExistException.class, () -> client.getQueueUrl(b -> b.queueName("absent")));
        assertEquals("AWS.SimpleQueueService.NonExistentQueue", e.awsErrorDetails().errorCode(), "the SDK reports the query code");
    }

    /** SendMessage / ReceiveMessage, "MD5OfMessageAttributes" and developer guide "Amazon SQS message attributes". */
    @Test
    void messageAttributes_travelWithTheirMd5_andOnlyWhenAskedFor() {
        String url = queue("attrs");
        Map<String, MessageAttributeValue> attrs = Map.of(
                "zd.tenant", MessageAttributeValue.builder().dataType("String").stringValue("tn_a").build(),
                "amount", MessageAttributeValue.builder().dataType("Number.fen").stringValue("1299").build(),
                "blob", MessageAttributeValue.builder().dataType("Binary").binaryValue(SdkBytes.fromUtf8String("\u0001\u0002")).build());
        // the SDK recomputes MD5OfMessageAttributes and throws when it differs: the call returning is the check
        SendMessageResponse sent = client.sendMessage(b -> b.queueUrl(url).messageBody("with attributes").messageAttributes(attrs));
        assertEquals(32, sent.md5OfMessageAttributes().length());

        Message plain = client.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(0)).messages().get(0);
        assertTrue(plain.messageAttributes().isEmpty(), "no MessageAttributeNames, no attributes");
        assertNull(plain.md5OfMessageAttributes());
        assertTrue(plain.attributes().isEmpty(), "no AttributeNames, no system attributes");

        Message some = client.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(0).messageAttributeNames("zd.*", "amount")).messages().get(0);
        assertEquals(Map.of("zd.tenant", attrs.get("zd.tenant"), "amount", attrs.get("amount")), some.messageAttributes());
        Message all = client.receiveMessage(b -> b.queueUrl(url).messageAttributeNames("All")
                .messageSystemAttributeNames(MessageSystemAttributeName.SENT_TIMESTAMP)).messages().get(0);
        assertEquals(attrs, all.messageAttributes());
        assertEquals(sent.md5OfMessageAttributes(), all.md5OfMessageAttributes());
        assertEquals(List.of("SentTimestamp"), List.copyOf(all.attributesAsStrings().keySet()));

        SqsException bad = assertThrows(SqsException.class, () -> client.sendMessage(b -> b.queueUrl(url).messageBody("x")
                .messageAttributes(Map.of("AWS.reserved", MessageAttributeValue.builder().dataType("String").stringValue("v").build()))));
        assertEquals(400, bad.statusCode());
        assertThrows(SqsException.class, () -> client.sendMessage(b -> b.queueUrl(url).messageBody("x")
                .messageAttributes(Map.of("n", MessageAttributeValue.builder().dataType("Number").stringValue("ten").build()))));
    }

    /** SendMessage "MessageSystemAttributes": AWSTraceHeader only, its MD5OfMessageSystemAttributes (the SDK checks it), read back when asked. */
    @Test
    void theTraceHeader_isTheOnlyMessageSystemAttribute() {
        String url = queue("traced");
        String trace = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
        var sent = client.sendMessage(b -> b.queueUrl(url).messageBody("traced").messageSystemAttributes(Map.of(
                software.amazon.awssdk.services.sqs.model.MessageSystemAttributeNameForSends.AWS_TRACE_HEADER,
                software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue.builder().dataType("String").stringValue(trace).build())));
        assertEquals(32, sent.md5OfMessageSystemAttributes().length());
        Message got = client.receiveMessage(b -> b.queueUrl(url).messageSystemAttributeNames(MessageSystemAttributeName.AWS_TRACE_HEADER)).messages().get(0);
        assertEquals(trace, got.attributes().get(MessageSystemAttributeName.AWS_TRACE_HEADER));
    }

    /** SendMessage "MessageBody": 256 KiB with the attributes, and only XML's characters (InvalidMessageContents). */
    @Test
    void theBody_isAtMost256KiBWithItsAttributes_andXmlCharactersOnly() {
        String url = queue("sizes");
        client.sendMessage(b -> b.queueUrl(url).messageBody("x".repeat(262_144)));
        assertThrows(SqsException.class, () -> client.sendMessage(b -> b.queueUrl(url).messageBody("x".repeat(262_145))));
        assertThrows(SqsException.class, () -> client.sendMessage(b -> b.queueUrl(url).messageBody("x".repeat(262_140))
                .messageAttributes(Map.of("k", MessageAttributeValue.builder().dataType("String").stringValue("v").build()))));
        assertThrows(InvalidMessageContentsException.class, () -> client.sendMessage(b -> b.queueUrl(url).messageBody("bell \u0007")));
        client.sendMessage(b -> b.queueUrl(url).messageBody("收银 \uD83D\uDE00 tab\there"));
    }

    /** SendMessageBatch: ids, count, distinct ids and the batch's total size. */
    @Test
    void batches_refuseBadIds_tooManyEntries_andTooManyBytes() {
        String url = queue("batch-limits");
        assertThrows(InvalidBatchEntryIdException.class, () -> client.sendMessageBatch(b -> b.queueUrl(url)
                .entries(SendMessageBatchRequestEntry.builder().id("bad id!").messageBody("m").build())));
        assertThrows(BatchEntryIdsNotDistinctException.class, () -> client.sendMessageBatch(b -> b.queueUrl(url).entries(
                SendMessageBatchRequestEntry.builder().id("a").messageBody("m").build(),
                SendMessageBatchRequestEntry.builder().id("a").messageBody("n").build())));
        List<SendMessageBatchRequestEntry> eleven = new java.util.ArrayList<>();
        for (int i = 0; i < 11; i++) eleven.add(SendMessageBatchRequestEntry.builder().id("e" + i).messageBody("m").build());
        assertThrows(TooManyEntriesInBatchRequestException.class, () -> client.sendMessageBatch(b -> b.queueUrl(url).entries(eleven)));
        assertThrows(BatchRequestTooLongException.class, () -> client.sendMessageBatch(b -> b.queueUrl(url).entries(
                SendMessageBatchRequestEntry.builder().id("a").messageBody("x".repeat(200_000)).build(),
                SendMessageBatchRequestEntry.builder().id("b").messageBody("x".repeat(100_000)).build())));
        var r = client.sendMessageBatch(b -> b.queueUrl(url).entries(
                SendMessageBatchRequestEntry.builder().id("ok").messageBody("fine").build(),
                SendMessageBatchRequestEntry.builder().id("bad").messageBody("\u0000").build()));
        assertEquals("ok", r.successful().get(0).id());
        assertEquals("bad", r.failed().get(0).id());
        assertTrue(r.failed().get(0).senderFault());
    }

    /** DeleteMessage: an older receipt handle "succeeds, but the message will not be deleted"; ChangeMessageVisibility's errors. */
    @Test
    void staleReceiptHandles_deleteNothing_andVisibilityChangesNeedAMessageInFlight() {
        String url = queue("handles");
        client.sendMessage(b -> b.queueUrl(url).messageBody("m"));
        Message first = client.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(0)).messages().get(0);
        assertThrows(MessageNotInflightException.class, () -> client.changeMessageVisibility(b -> b.queueUrl(url)
                .receiptHandle(first.receiptHandle()).visibilityTimeout(10)), "visibility 0: no longer in flight");
        Message second = client.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(0)).messages().get(0);
        client.deleteMessage(b -> b.queueUrl(url).receiptHandle(first.receiptHandle()));
        Message third = client.receiveMessage(b -> b.queueUrl(url)).messages().get(0);
        assertEquals("m", third.body(), "the older handle deleted nothing");
        client.deleteMessage(b -> b.queueUrl(url).receiptHandle(third.receiptHandle()));
        client.deleteMessage(b -> b.queueUrl(url).receiptHandle(third.receiptHandle())); // deleting again succeeds too
        assertTrue(sqs.queue("handles").all().isEmpty());
        SqsException gone = assertThrows(SqsException.class, () -> client.changeMessageVisibility(b -> b.queueUrl(url)
                .receiptHandle(second.receiptHandle()).visibilityTimeout(10)));
        assertEquals("InvalidParameterValue", gone.awsErrorDetails().errorCode());
    }

    /** CreateQueue: same name and attributes returns the URL; other values are QueueNameExists; attribute names and values checked. */
    @Test
    void createQueue_checksAttributes_andAnExistingName() {
        String url = client.createQueue(b -> b.queueName("strict").attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "45"))).queueUrl();
        assertEquals(url, client.createQueue(b -> b.queueName("strict").attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "45"))).queueUrl());
        assertThrows(QueueNameExistsException.class, () -> client.createQueue(b -> b.queueName("strict")
                .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "60"))));
        assertThrows(InvalidAttributeValueException.class, () -> client.createQueue(b -> b.queueName("strict2")
                .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "43201"))));
        assertThrows(InvalidAttributeNameException.class, () -> client.createQueue(b -> b.queueName("strict3")
                .attributesWithStrings(Map.of("Colour", "blue"))));
        SqsException noDlq = assertThrows(SqsException.class, () -> client.createQueue(b -> b.queueName("strict4").attributes(Map.of(
                QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:nowhere\",\"maxReceiveCount\":3}"))));
        assertEquals("InvalidParameterValue", noDlq.awsErrorDetails().errorCode());
        assertThrows(QueueDoesNotExistException.class, () -> client.getQueueUrl(b -> b.queueName("strict4")), "nothing half-made");
    }

    /** GetQueueAttributes: only the AttributeNames asked for, "All", the approximate counts, InvalidAttributeName. */
    @Test
    void getQueueAttributes_answersWhatIsAskedFor() {
        String url = client.createQueue(b -> b.queueName("counted").attributes(Map.of(QueueAttributeName.DELAY_SECONDS, "0"))).queueUrl();
        client.sendMessage(b -> b.queueUrl(url).messageBody("now"));
        client.sendMessage(b -> b.queueUrl(url).messageBody("later").delaySeconds(60));
        client.sendMessage(b -> b.queueUrl(url).messageBody("taken"));
        client.receiveMessage(b -> b.queueUrl(url));
        assertTrue(client.getQueueAttributes(b -> b.queueUrl(url)).attributes().isEmpty(), "no names, no attributes");
        Map<QueueAttributeName, String> some = client.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        assertEquals(Map.of(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "1",
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "1",
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED, "1"), some);
        Map<QueueAttributeName, String> all = client.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.ALL)).attributes();
        assertEquals("262144", all.get(QueueAttributeName.MAXIMUM_MESSAGE_SIZE));
        assertEquals("345600", all.get(QueueAttributeName.MESSAGE_RETENTION_PERIOD));
        assertEquals("30", all.get(QueueAttributeName.VISIBILITY_TIMEOUT));
        assertTrue(all.containsKey(QueueAttributeName.CREATED_TIMESTAMP) && all.containsKey(QueueAttributeName.QUEUE_ARN));
        assertThrows(InvalidAttributeNameException.class, () -> client.getQueueAttributes(b -> b.queueUrl(url).attributeNamesWithStrings("Colour")));
    }

    /** SetQueueAttributes, ListQueues, PurgeQueue and DeleteQueue. */
    @Test
    void setListPurgeAndDeleteQueues() {
        String url = queue("lifecycle-a");
        queue("lifecycle-b");
        client.setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "90")));
        assertEquals("90", client.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT))
                .attributes().get(QueueAttributeName.VISIBILITY_TIMEOUT));
        assertEquals(2, client.listQueues(b -> b.queueNamePrefix("lifecycle-")).queueUrls().size());
        client.sendMessage(b -> b.queueUrl(url).messageBody("m"));
        client.purgeQueue(b -> b.queueUrl(url));
        assertTrue(client.receiveMessage(b -> b.queueUrl(url)).messages().isEmpty());
        client.deleteQueue(b -> b.queueUrl(url));
        assertThrows(QueueDoesNotExistException.class, () -> client.getQueueUrl(b -> b.queueName("lifecycle-a")));
    }
}

package com.zhidian.local.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The query protocol, as the API reference's "Using AWS query protocol" examples send it: form-encoded parameters
 * (or the query string, the queue in the path), XML answers with ResponseMetadata/RequestId, ErrorResponse with the
 * query error codes. The answers are the JSON protocol's, so this checks the translation both ways.
 */
class SqsQueryProtocolTest {
    static SqsLocal sqs;

    @BeforeAll
    static void start() { sqs = SqsLocal.start("127.0.0.1", 0); }

    @AfterAll
    static void stop() { sqs.close(); }

    private static HttpResponse<String> post(String path, String form) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sqs.endpoint() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form + "&Version=2012-11-05")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Document xml(String s) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Document d, String tag, int i) { return d.getElementsByTagName(tag).item(i).getTextContent(); }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    /** CreateQueue, SendMessage (with a message attribute), ReceiveMessage and DeleteMessage, query-protocol examples. */
    @Test
    void theQueryProtocol_sendsReceivesAndDeletes() throws Exception {
        HttpResponse<String> created = post("/", "Action=CreateQueue&QueueName=query-q&Attribute.1.Name=VisibilityTimeout&Attribute.1.Value=40");
        assertEquals(200, created.statusCode(), created.body());
        Document c = xml(created.body());
        assertEquals("CreateQueueResponse", c.getDocumentElement().getTagName());
        assertEquals(SqsQuery.NAMESPACE, c.getDocumentElement().getAttribute("xmlns"));
        String url = text(c, "QueueUrl", 0);
        assertEquals(created.headers().firstValue("x-amzn-RequestId").orElseThrow(), text(c, "RequestId", 0));

        Document sent = xml(post("/", "Action=SendMessage&QueueUrl=" + enc(url) + "&MessageBody=" + enc("This is my message text.")
                + "&MessageAttribute.1.Name=tenant&MessageAttribute.1.Value.DataType=String&MessageAttribute.1.Value.StringValue=tn_a").body());
        assertEquals("6a1559560f67c5e7a7d5d838bf0272ee", text(sent, "MD5OfMessageBody", 0));
        assertEquals(32, text(sent, "MD5OfMessageAttributes", 0).length());

        // the queue named by the path, as the reference's examples do
        Document got = xml(post("/000000000000/query-q", "Action=ReceiveMessage&AttributeName.1=All&MessageAttributeName.1=All").body());
        assertEquals("This is my message text.", text(got, "Body", 0));
        assertEquals(text(sent, "MD5OfMessageAttributes", 0), text(got, "MD5OfMessageAttributes", 0));
        assertEquals("tn_a", text(got, "StringValue", 0));
        assertTrue(got.getElementsByTagName("Attribute").getLength() >= 4, "SenderId, SentTimestamp, ApproximateReceiveCount, ...");
        String receipt = text(got, "ReceiptHandle", 0);
        assertEquals(200, post("/", "Action=DeleteMessage&QueueUrl=" + enc(url) + "&ReceiptHandle=" + enc(receipt)).statusCode());
        assertEquals(0, sqs.queue("query-q").all().size());

        Document attrs = xml(post("/", "Action=GetQueueAttributes&QueueUrl=" + enc(url) + "&AttributeName.1=VisibilityTimeout").body());
        assertEquals("VisibilityTimeout", text(attrs, "Name", 0));
        assertEquals("40", text(attrs, "Value", 0));
    }

    /** SendMessageBatch's result entries and BatchResultErrorEntry; ErrorResponse with AWS.SimpleQueueService.NonExistentQueue. */
    @Test
    void batchesAndErrors_inTheQueryShapes() throws Exception {
        String url = xml(post("/", "Action=CreateQueue&QueueName=query-batch").body()).getElementsByTagName("QueueUrl").item(0).getTextContent();
        Document batch = xml(post("/", "Action=SendMessageBatch&QueueUrl=" + enc(url)
                + "&SendMessageBatchRequestEntry.1.Id=ok&SendMessageBatchRequestEntry.1.MessageBody=fine"
                + "&SendMessageBatchRequestEntry.2.Id=bad&SendMessageBatchRequestEntry.2.MessageBody=" + enc("\u0001")).body());
        org.w3c.dom.Element entry = (org.w3c.dom.Element) batch.getElementsByTagName("SendMessageBatchResultEntry").item(0);
        assertEquals("ok", entry.getElementsByTagName("Id").item(0).getTextContent());
        assertEquals(36, entry.getElementsByTagName("MessageId").item(0).getTextContent().length());
        assertEquals(1, batch.getElementsByTagName("BatchResultErrorEntry").getLength());
        assertEquals("true", text(batch, "SenderFault", 0));

        HttpResponse<String> missing = post("/", "Action=GetQueueUrl&QueueName=absent");
        assertEquals(400, missing.statusCode());
        Document e = xml(missing.body());
        assertEquals("ErrorResponse", e.getDocumentElement().getTagName());
        assertEquals("Sender", text(e, "Type", 0));
        assertEquals("AWS.SimpleQueueService.NonExistentQueue", text(e, "Code", 0));
        assertEquals("InvalidAction", text(xml(post("/", "Action=Dance").body()), "Code", 0));
    }
}

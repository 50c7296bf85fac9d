package com.zhidian.campaigns.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import com.zhidian.campaigns.domain.ChannelSender;
import com.zhidian.campaigns.domain.Message;
import com.zhidian.core.Json;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The SMS and WeChat adapters against small stand-ins of the providers' HTTP APIs: what the AWS SDK's SNS Publish and
 * the WeChat subscription-message calls put on the wire, and how each adapter reads the answers.
 */
class ChannelSendersTest {
    private final List<String[]> requests = new ArrayList<>();   // {method, path?query, content type, body}
    private HttpServer server;

    private static final Message MESSAGE = new Message("tn_1", "mb_1", "msg_1", "cp_1", "sms", "周末特惠", "全场饮料第二件半价", "CPN-9",
            "tok.sig", Instant.parse("2026-12-04T02:00:00Z"), null);

    private URI serve(java.util.function.Function<String[], String[]> answer) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", x -> {
            String[] req = {x.getRequestMethod(), x.getRequestURI().toString(), String.valueOf(x.getRequestHeaders().getFirst("Content-Type")),
                    new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)};
            synchronized (requests) {
                requests.add(req);
            }
            String[] a = answer.apply(req);   // {status, content type, body}
            byte[] b = a[2].getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", a[1]);
            x.sendResponseHeaders(Integer.parseInt(a[0]), b.length);
            x.getResponseBody().write(b);
            x.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        if (server != null) server.stop(0);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String kv : body.split("&")) {
            int i = kv.indexOf('=');
            if (i > 0) m.put(URLDecoder.decode(kv.substring(0, i), StandardCharsets.UTF_8), URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8));
        }
        return m;
    }

    @Test
    void smsIsAnSnsPublishToThePhone_promotional_withTheTextAndItsUnsubscribeLink() throws Exception {
        URI sns = serve(req -> req[2].contains("json")
                ? new String[] {"200", "application/x-amz-json-1.0", "{\"MessageId\":\"sns-msg-1\"}"}
                : new String[] {"200", "text/xml", "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult>"
                        + "<MessageId>sns-msg-1</MessageId></PublishResult><ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></PublishResponse>"});
        SnsClient client = SnsClient.builder().endpointOverride(sns).region(Region.AP_NORTHEAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                .httpClient(ApacheHttpClient.create()).build();
        ChannelSender.Sent sent = new SnsSmsSender(client, "https://h5.example/#/messages?unsubscribe=")
                .send(MESSAGE, new ChannelSender.Recipient("mb_1", "+8613800000001", null));
        assertEquals("sns", sent.via());
        assertEquals("sns-msg-1", sent.providerId());
        assertEquals(1, requests.size());
        String[] req = requests.get(0);
        assertEquals("POST", req[0]);
        String phone, text, smsType;
        if (req[2].contains("json")) {
            JsonNode j = Json.MAPPER.readTree(req[3]);
            phone = j.path("PhoneNumber").asText();
            text = j.path("Message").asText();
            smsType = j.at("/MessageAttributes/AWS.SNS.SMS.SMSType/StringValue").asText();
        } else {
            Map<String, String> f = form(req[3]);
            assertEquals("Publish", f.get("Action"));
            phone = f.get("PhoneNumber");
            text = f.get("Message");
            smsType = f.get("MessageAttributes.entry.1.Value.StringValue");
        }
        assertEquals("+8613800000001", phone);
        assertEquals("【周末特惠】全场饮料第二件半价 券码 CPN-9 退订 https://h5.example/#/messages?unsubscribe=tok.sig", text);
        assertEquals("Promotional", smsType);

        assertEquals("unreachable", new SnsSmsSender(client, "x").send(MESSAGE, new ChannelSender.Recipient("mb_1", null, null)).via());
        assertEquals(1, requests.size(), "no phone: nothing published");
    }

    @Test
    void weChatTakesAToken_sendsTheSubscriptionMessage_andTellsFinalRefusalsFromPassingOnes() throws Exception {
        List<Integer> codes = new ArrayList<>(List.of(0, 43101, 45009));
        URI api = serve(req -> {
            if (req[1].startsWith("/cgi-bin/token")) return new String[] {"200", "application/json", "{\"access_token\":\"AT1\",\"expires_in\":7200}"};
            int code = codes.remove(0);
            return new String[] {"200", "application/json", code == 0 ? "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":42}"
                    : "{\"errcode\":" + code + ",\"errmsg\":\"no\"}"};
        });
        WeChatSubscribeSender wechat = new WeChatSubscribeSender(api.toString(), "wxapp", "s3cret", "TPL-1", Clock.systemUTC());
        ChannelSender.Recipient to = new ChannelSender.Recipient("mb_1", null, "openid-1");
        ChannelSender.Sent sent = wechat.send(MESSAGE, to);
        assertEquals("wechat", sent.via());
        assertEquals("42", sent.providerId());
        assertEquals("GET", requests.get(0)[0]);
        assertTrue(requests.get(0)[1].contains("appid=wxapp") && requests.get(0)[1].contains("secret=s3cret"));
        assertEquals("/cgi-bin/message/subscribe/send?access_token=AT1", requests.get(1)[1]);
        JsonNode body = Json.MAPPER.readTree(requests.get(1)[3]);
        assertEquals("openid-1", body.get("touser").asText());
        assertEquals("TPL-1", body.get("template_id").asText());
        assertEquals("周末特惠", body.at("/data/thing1/value").asText());
        assertTrue(body.get("page").asText().endsWith("unsubscribe=tok.sig"));

        assertEquals("unreachable", wechat.send(MESSAGE, to).via(), "43101: the member did not subscribe; final");
        assertThrows(IllegalStateException.class, () -> wechat.send(MESSAGE, to), "45009 (rate limit): the job tries again");
        assertEquals(4, requests.size(), "the token was fetched once");
        assertEquals("unreachable", wechat.send(MESSAGE, new ChannelSender.Recipient("mb_1", null, null)).via(), "no openid");
    }
}

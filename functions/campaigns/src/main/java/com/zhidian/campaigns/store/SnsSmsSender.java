package com.zhidian.campaigns.store;

import com.zhidian.campaigns.domain.ChannelSender;
import com.zhidian.campaigns.domain.Message;
import com.zhidian.core.Env;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.SnsClientBuilder;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * SMS through Amazon SNS {@code Publish} to a phone number (promotional, as a marketing text must be), with the sender
 * id and the one-tap unsubscribe link in the text. The endpoint is the SDK's own (its {@code AWS_ENDPOINT_URL_SNS} /
 * {@code aws.endpointUrlSns} settings), or {@code SNS_ENDPOINT} when set (a stand-in, a test's server).
 */
public final class SnsSmsSender implements ChannelSender {
    private final SnsClient sns;
    private final String unsubscribeBase;

    public SnsSmsSender(SnsClient sns, String unsubscribeBase) {
        this.sns = sns;
        this.unsubscribeBase = unsubscribeBase;
    }

    public static SnsSmsSender fromEnvironment() {
        SnsClientBuilder b = SnsClient.builder()
                .httpClient(ApacheHttpClient.builder().connectionTimeout(Duration.ofSeconds(1)).socketTimeout(Duration.ofSeconds(3)).build());
        String endpoint = Env.get("SNS_ENDPOINT", null);
        if (endpoint != null) b.endpointOverride(URI.create(endpoint));
        return new SnsSmsSender(b.build(), unsubscribeBase());
    }

    /** The public page a text's unsubscribe link opens, no sign-in ({@code PORTAL_URL}, the token appended). */
    static String unsubscribeBase() {
        return Env.get("PORTAL_URL", "http://localhost:5173/") + "#/unsubscribe?t=";
    }

    /** The text as the member reads it: 【title】body, the coupon if any, and how to stop (Chinese marketing SMS end so). */
    public static String text(Message m, String unsubscribeBase) {
        StringBuilder t = new StringBuilder("【").append(m.title()).append("】").append(m.body());
        if (m.couponCode() != null && !m.couponCode().isBlank()) t.append(" 券码 ").append(m.couponCode());
        return t.append(" 退订 ").append(unsubscribeBase).append(m.unsubscribeToken()).toString();
    }

    @Override
    public Sent send(Message m, Recipient to) {
        if (to.phone() == null || to.phone().isBlank()) return Sent.unreachable();
        String id = sns.publish(b -> b.phoneNumber(to.phone()).message(text(m, unsubscribeBase))
                .messageAttributes(Map.of("AWS.SNS.SMS.SMSType", MessageAttributeValue.builder().dataType("String").stringValue("Promotional").build())))
                .messageId();
        return new Sent("sns", id);
    }
}

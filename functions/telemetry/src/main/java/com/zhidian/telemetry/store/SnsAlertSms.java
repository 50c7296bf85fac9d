package com.zhidian.telemetry.store;

import com.zhidian.core.Env;
import com.zhidian.telemetry.domain.SmsSender;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.SnsClientBuilder;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * An alert's SMS through Amazon SNS {@code Publish} to a phone number, as campaigns' SnsSmsSender sends (the same SDK
 * call), but Transactional: an alert is not marketing, and SNS routes it for delivery rather than cost. The endpoint is
 * the SDK's own, or {@code SNS_ENDPOINT} when set (a stand-in, a test's server).
 */
public final class SnsAlertSms implements SmsSender {
    private final SnsClient sns;

    public SnsAlertSms(SnsClient sns) {
        this.sns = sns;
    }

    public static SnsAlertSms fromEnvironment() {
        SnsClientBuilder b = SnsClient.builder()
                .httpClient(ApacheHttpClient.builder().connectionTimeout(Duration.ofSeconds(1)).socketTimeout(Duration.ofSeconds(3)).build());
        String endpoint = Env.get("SNS_ENDPOINT", null);
        if (endpoint != null) b.endpointOverride(URI.create(endpoint));
        return new SnsAlertSms(b.build());
    }

    @Override
    public Sent send(String tenantId, String storeId, String phone, String text) {
        String id = sns.publish(b -> b.phoneNumber(phone).message(text)
                .messageAttributes(Map.of("AWS.SNS.SMS.SMSType", MessageAttributeValue.builder().dataType("String").stringValue("Transactional").build())))
                .messageId();
        return new Sent("sns", id);
    }
}

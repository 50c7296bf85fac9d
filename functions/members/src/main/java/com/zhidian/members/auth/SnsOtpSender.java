package com.zhidian.members.auth;

import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/** Sends the code as a transactional SMS through Amazon SNS. */
public final class SnsOtpSender implements OtpSender {
    private static final class Holder {
        static final SnsClient SNS = SnsClient.builder()
                .httpClient(ApacheHttpClient.builder().connectionTimeout(Duration.ofSeconds(1)).socketTimeout(Duration.ofSeconds(3)).build())
                .build();
    }

    @Override
    public void send(String e164Phone, String code) {
        Holder.SNS.publish(b -> b.phoneNumber(e164Phone)
                .message("【智店】您的登录验证码是 " + code + "，5分钟内有效。Your Zhidian sign-in code: " + code)
                .messageAttributes(Map.of("AWS.SNS.SMS.SMSType",
                        MessageAttributeValue.builder().dataType("String").stringValue("Transactional").build())));
    }
}

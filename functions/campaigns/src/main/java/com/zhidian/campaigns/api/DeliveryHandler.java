package com.zhidian.campaigns.api;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.zhidian.core.aws.SpringStarts;
import java.util.function.Function;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

/**
 * CampaignsDeliveryFunction's Lambda handler (DeliveryQueue → ReportBatchItemFailures): Spring Cloud Function's AWS
 * adapter ({@link FunctionInvoker}) over the {@code deliverCampaignMessages} bean of {@link DeliveryApplication}, the
 * same pattern as the telemetry ingest. The adapter turns the SQS event JSON into an {@link SQSEvent} and the bean's
 * {@link SQSBatchResponse} back into the JSON Lambda reads its batch item failures from. It names its start class and
 * function itself ({@link SpringStarts}) and turns Spring Boot's logging system off.
 */
public final class DeliveryHandler extends FunctionInvoker {
    static {
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        System.setProperty("spring.main.banner-mode", "off");
        if (System.getProperty("org.slf4j.simpleLogger.log.org.springframework") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.org.springframework", "warn");
        }
    }

    public DeliveryHandler() {
        super(SpringStarts.starting(DeliveryApplication.class, DeliveryApplication.FUNCTION));
        SpringStarts.started();
    }

    /** A test's handler over its own consumer: the same adapter, another bean. */
    DeliveryHandler(Function<SQSEvent, SQSBatchResponse> consumer) {
        super(SpringStarts.starting(DeliveryApplication.class, DeliveryApplication.using(consumer)));
        SpringStarts.started();
    }
}

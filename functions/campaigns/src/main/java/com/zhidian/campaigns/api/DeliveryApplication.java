package com.zhidian.campaigns.api;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.zhidian.campaigns.application.Campaigns;
import com.zhidian.campaigns.store.SqsDeliveryQueue;
import com.zhidian.core.Env;
import com.zhidian.core.aws.SpringStarts;
import com.zhidian.core.http.Platform;
import java.util.function.Function;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.cloud.function.context.catalog.FunctionTypeUtils;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The delivery consumer's Spring application, registered functionally (no component scan, no auto-configuration), as the
 * telemetry ingest's is: one bean, {@code deliverCampaignMessages}, the {@link DeliveryConsumer} over the real adapters.
 */
public final class DeliveryApplication implements ApplicationContextInitializer<GenericApplicationContext> {
    public static final String FUNCTION = "deliverCampaignMessages";

    private static volatile Function<SQSEvent, SQSBatchResponse> override;

    /** Registers {@code consumer} instead of the real one for the next start (tests); returns the function's name. */
    static String using(Function<SQSEvent, SQSBatchResponse> consumer) {
        override = consumer;
        return FUNCTION;
    }

    @Override
    public void initialize(GenericApplicationContext context) {
        SpringStarts.started();
        Function<SQSEvent, SQSBatchResponse> given = override;
        context.registerBean(FUNCTION, FunctionRegistration.class,
                () -> new FunctionRegistration<>(given != null ? given : real(), FUNCTION)
                        .type(FunctionTypeUtils.functionType(SQSEvent.class, SQSBatchResponse.class)));
    }

    private static DeliveryConsumer real() {
        Platform p = Platform.fromEnvironment();
        String url = Env.get("DELIVERY_QUEUE_URL", null);
        Campaigns c = Campaigns.wire(p.db(), p.tenants(), p.clock(), d -> new SqsDeliveryQueue(url));
        return DeliveryConsumer.onSqs(c.deliveries(), url, p.clock());
    }
}

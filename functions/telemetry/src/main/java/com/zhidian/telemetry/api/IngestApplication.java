package com.zhidian.telemetry.api;

import com.zhidian.core.aws.AwsClients;
import com.zhidian.telemetry.application.Telemetry;
import java.time.Clock;
import java.util.Map;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.cloud.function.context.catalog.FunctionTypeUtils;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.ResolvableType;

/**
 * The ingest's Spring application, registered functionally (spring-cloud-function-context's functional bean registration:
 * no component scan, no auto-configuration), which keeps Spring's part of the cold start small. It holds one bean,
 * {@code ingestTelemetry}.
 */
public final class IngestApplication implements ApplicationContextInitializer<GenericApplicationContext> {
    public static final String FUNCTION = "ingestTelemetry";
    private static final java.lang.reflect.Type MAP = ResolvableType.forClassWithGenerics(Map.class, String.class, Object.class).getType();

    private static volatile IngestFunction override;

    /** Registers {@code function} instead of the real one for the next start (tests); returns the function's name. */
    static String using(IngestFunction function) {
        override = function;
        return FUNCTION;
    }

    @Override
    public void initialize(GenericApplicationContext context) {
        com.zhidian.core.aws.SpringStarts.started();
        IngestFunction given = override;
        context.registerBean(FUNCTION, FunctionRegistration.class,
                () -> new FunctionRegistration<>(given != null ? given : new IngestFunction(Telemetry.ingest(AwsClients.dynamo(), Clock.systemUTC())), FUNCTION)
                        .type(FunctionTypeUtils.functionType(byte[].class, MAP)));
    }
}

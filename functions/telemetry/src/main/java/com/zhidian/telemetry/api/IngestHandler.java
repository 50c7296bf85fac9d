package com.zhidian.telemetry.api;

import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

/**
 * TelemetryIngestFunction's Lambda handler: Spring Cloud Function's AWS adapter ({@link FunctionInvoker}) over the
 * {@code ingestTelemetry} bean of {@link IngestApplication}. It names its start class and function itself (the adapter
 * would otherwise read MAIN_CLASS and spring.cloud.function.definition, which Zhidian Local would have to set for the whole
 * JVM), and turns Spring Boot's logging system off: the function logs through stdout like every other function.
 */
public final class IngestHandler extends FunctionInvoker {
    static {
        if (System.getenv("MAIN_CLASS") == null && System.getProperty("MAIN_CLASS") == null) {
            System.setProperty("MAIN_CLASS", IngestApplication.class.getName());
        }
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
    }

    public IngestHandler() {
        super(IngestApplication.FUNCTION);
    }
}

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
        System.setProperty("spring.main.banner-mode", "off");
        // the adapter logs every event it receives at INFO: where slf4j-simple is the provider (Zhidian Local), Spring's
        // loggers say only warnings; in Lambda no SLF4J provider is packaged and they say nothing
        if (System.getProperty("org.slf4j.simpleLogger.log.org.springframework") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.org.springframework", "warn");
        }
    }

    public IngestHandler() {
        super(IngestApplication.FUNCTION);
    }

    /** A test's handler over its own function (the DynamoDB stand-in's client): the same adapter, another bean. */
    IngestHandler(IngestFunction function) {
        super(IngestApplication.using(function));
    }
}

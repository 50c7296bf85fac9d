package com.zhidian.telemetry.api;

import com.zhidian.core.aws.SpringStarts;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

/**
 * TelemetryIngestFunction's Lambda handler: Spring Cloud Function's AWS adapter ({@link FunctionInvoker}) over the
 * {@code ingestTelemetry} bean of {@link IngestApplication}. It names its start class and function itself (the adapter
 * would otherwise read MAIN_CLASS and spring.cloud.function.definition for the whole JVM, which Zhidian Local shares
 * between such handlers: {@link SpringStarts}), and turns Spring Boot's logging system off: the function logs through stdout like every other function.
 */
public final class IngestHandler extends FunctionInvoker {
    static {
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        System.setProperty("spring.main.banner-mode", "off");
        // the adapter logs every event it receives at INFO: where slf4j-simple is the provider (Zhidian Local), Spring's
        // loggers say only warnings; in Lambda no SLF4J provider is packaged and they say nothing
        if (System.getProperty("org.slf4j.simpleLogger.log.org.springframework") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.org.springframework", "warn");
        }
    }

    public IngestHandler() {
        super(SpringStarts.starting(IngestApplication.class, IngestApplication.FUNCTION));
        SpringStarts.started();
    }

    /** A test's handler over its own function (the DynamoDB stand-in's client): the same adapter, another bean. */
    IngestHandler(IngestFunction function) {
        super(SpringStarts.starting(IngestApplication.class, IngestApplication.using(function)));
        SpringStarts.started();
    }
}

package com.zhidian.samplestore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QuietStdoutTest {

    @Test
    void dropsOnlySpringCloudFunctionsSourceLines() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new QuietStdout(new PrintStream(bytes, true, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        out.println("======> SOURCE: class com.zhidian.telemetry.api.IngestApplication");
        out.println("Zhidian Local 智店 is ready: http://localhost:3000");
        out.println("======> SOURCE: class org.springframework.cloud.function.adapter.aws.AWSCompanionAutoConfiguration");
        out.println("{\"level\":\"ERROR\",\"message\":\"unhandled failure\"}");
        out.println("a line that mentions ======> SOURCE: later on");
        out.print("no newline");
        out.flush();
        assertEquals(String.join(System.lineSeparator(), "Zhidian Local 智店 is ready: http://localhost:3000",
                "{\"level\":\"ERROR\",\"message\":\"unhandled failure\"}", "a line that mentions ======> SOURCE: later on", "no newline"),
                bytes.toString(StandardCharsets.UTF_8));
    }
}

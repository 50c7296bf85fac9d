package com.zhidian.samplestore;

import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * The run command's standard output without the one line a library prints whatever it is told: spring-cloud-function's
 * {@code FunctionalSpringApplication} (4.3.0, and still so on its main branch) prints {@code ======> SOURCE: <class>}
 * through {@code System.out.println} for each source of every Spring function it starts (the telemetry ingest and the
 * campaigns delivery), with no property or log level to turn it off. Every other line, ours and the functions' logs
 * and errors, passes unchanged. In Lambda the lines stay in the function's own log, where they harm no one.
 */
final class QuietStdout extends PrintStream {
    static final String SPRING_FUNCTION_SOURCE = "======> SOURCE: ";

    QuietStdout(PrintStream out, Charset charset) {
        super(out, true, charset);
    }

    /** Puts the filter in front of {@code System.out}, writing in the encoding standard output already writes. */
    static void install() {
        System.setOut(new QuietStdout(System.out, stdoutCharset()));
    }

    @Override
    public void println(String line) {
        if (line != null && line.startsWith(SPRING_FUNCTION_SOURCE)) return;
        super.println(line);
    }

    private static Charset stdoutCharset() {
        String name = System.getProperty("stdout.encoding", System.getProperty("sun.stdout.encoding"));
        try {
            return name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (RuntimeException e) {
            return Charset.defaultCharset();
        }
    }
}

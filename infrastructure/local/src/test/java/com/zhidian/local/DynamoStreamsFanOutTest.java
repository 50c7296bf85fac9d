package com.zhidian.local;

import static com.zhidian.local.TestSupport.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.local.testfns.CountingStream;
import com.zhidian.local.testfns.HoldingStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * One reader fans the table's stream out to every mapping, each with its own buffer and delivery thread: a mapping
 * whose function is stuck on a batch does not hold back another, and each gets every record its filter matches, once,
 * in stream order. Also the retry backoff of a failing batch.
 */
class DynamoStreamsFanOutTest {
    @Test
    void aStuckMappingHoldsBackNoOther_andEachGetsEveryRecordItMatches() throws Exception {
        HoldingStream.RELEASE = new CountDownLatch(1);
        String run = "fan" + System.nanoTime() + "-";
        try (ZhidianLocal local = ZhidianLocal.start(LocalConfig.ephemeral().template(TestSupport.template()))) {
            String url = local.gatewayUrl();
            put(url, run + "h1", "hold me");
            await(() -> held(run).equals(List.of(pk(run + "h1"))), "the holding function was given its first record");

            // the holding function is now stuck on h1; the stream goes on
            List<String> written = new ArrayList<>(List.of(pk(run + "h1")));
            for (String k : List.of("c1", "c2", "h2", "c3", "c4", "h3", "c5")) {
                put(url, run + k, k.startsWith("h") ? "hold me" : "count me");
                written.add(pk(run + k));
            }
            await(() -> counted(run).size() >= written.size(), "the counting mapping got every record while the other is stuck");
            assertEquals(written, counted(run), "every record, once, in stream order");
            assertEquals(List.of(pk(run + "h1")), held(run), "the stuck mapping has not been given more");

            HoldingStream.RELEASE.countDown();
            List<String> holdMe = List.of(pk(run + "h1"), pk(run + "h2"), pk(run + "h3"));
            await(() -> held(run).size() >= holdMe.size(), "the held mapping catches up once its function answers");
            assertEquals(holdMe, held(run), "only what its filter matches, once, in order");
            assertEquals(written, counted(run), "nothing more for the counting mapping");
        } finally {
            HoldingStream.RELEASE.countDown();
        }
    }

    @Test
    void retriesBackOffExponentially_cappedAtAFewSeconds() {
        assertEquals(List.of(100L, 200L, 400L, 800L, 1600L, 3200L, 3200L),
                List.of(1, 2, 3, 4, 5, 6, 9).stream().map(DynamoStreamsFromTemplate::retryDelayMs).toList());
    }

    @Test
    void aFullBufferMakesTheReaderWait_andAPageIsNeverSplit() throws Exception {
        var buffer = new DynamoStreamsFromTemplate.Buffer(2);
        var node = com.zhidian.local.aws.Json.object();
        buffer.putAll(List.of(node, node, node)); // below capacity: the whole page goes in
        Thread reader = new Thread(() -> {
            try {
                buffer.putAll(List.of(node));
            } catch (InterruptedException ignored) {
            }
        });
        reader.start();
        await(() -> reader.getState() == Thread.State.WAITING, "the reader waits on a full buffer");
        assertEquals(3, buffer.size());
        assertEquals(2, buffer.take(2).size(), "at most a batch");
        reader.join(10_000);
        assertEquals(2, buffer.size(), "the waiting page went in once there was room");
    }

    private static String pk(String key) {
        return "T#test#" + key;
    }

    private static List<String> counted(String run) {
        return CountingStream.KEYS.stream().filter(k -> k.startsWith(pk(run))).toList();
    }

    private static List<String> held(String run) {
        return HoldingStream.KEYS.stream().filter(k -> k.startsWith(pk(run))).toList();
    }

    private static void put(String url, String key, String value) throws Exception {
        assertEquals(204, send("PUT", url + "/table/" + key, value, "Content-Type", "text/plain").status());
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "in 30 s: " + what);
            Thread.sleep(20);
        }
    }
}

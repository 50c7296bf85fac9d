package io.moquette.broker;

import org.junit.jupiter.api.Test;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shadowing copy of Moquette's session loop: one failing command does not stop the commands after it. */
class SessionEventLoopTest {

    @Test
    void aFailingCommandLeavesTheLoopServingTheNextOnes() throws Exception {
        BlockingQueue<FutureTask<String>> queue = new ArrayBlockingQueue<>(8);
        SessionEventLoop loop = new SessionEventLoop(queue);
        loop.setDaemon(true);
        loop.start();
        queue.put(new FutureTask<>(() -> {
            throw new NullPointerException("this.mqttConnection is null"); // moquette issue #933's failure
        }));
        FutureTask<String> next = new FutureTask<>(() -> "served");
        queue.put(next);
        assertEquals("served", next.get(5, TimeUnit.SECONDS));
        assertTrue(loop.isAlive());
        loop.interrupt();
    }
}

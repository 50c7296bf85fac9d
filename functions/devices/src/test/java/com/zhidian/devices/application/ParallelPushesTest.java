package com.zhidian.devices.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelPushesTest {
    private final ParallelPushes pushes = new ParallelPushes(4);

    @Test
    void answersEveryItemInItsOrder_andNeverRunsMoreThanItsWidthAtOnce() {
        AtomicInteger running = new AtomicInteger(), most = new AtomicInteger();
        List<Integer> items = IntStream.range(0, 200).boxed().toList();
        List<Integer> out = pushes.map(items, i -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.onSpinWait();
            running.decrementAndGet();
            return i * 2;
        });
        assertEquals(items.stream().map(i -> i * 2).toList(), out);
        assertTrue(most.get() <= 4, "at most 4 at once, saw " + most.get());
    }

    @Test
    void fourItemsDoRunTogether() throws Exception {
        // all four wait for each other: this ends only if the pool runs them at the same time
        CyclicBarrier together = new CyclicBarrier(4);
        List<String> out = pushes.map(List.of("a", "b", "c", "d"), s -> {
            try {
                together.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return s;
        });
        assertEquals(List.of("a", "b", "c", "d"), out);
    }

    @Test
    void aFailureFailsTheCall_afterEveryOtherItemRan() {
        IllegalStateException boom = new IllegalStateException("IoT refused");
        List<Integer> ran = java.util.Collections.synchronizedList(new ArrayList<>());
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> pushes.map(List.of(1, 2, 3, 4, 5, 6), i -> {
            if (i == 3) throw boom;
            ran.add(i);
            return i;
        }));
        assertSame(boom, thrown);
        assertEquals(5, ran.size(), "the others were pushed all the same (the batch is retried whole)");
    }

    @Test
    void oneItemRunsOnTheCallersThread() {
        Thread caller = Thread.currentThread();
        assertEquals(List.of(true), pushes.map(List.of(1), i -> Thread.currentThread() == caller));
        assertEquals(List.of(), pushes.map(List.of(), i -> i));
    }

    @Test
    void aCallFromInsideThePoolRunsInline_soAFullPoolCannotWaitOnItself() {
        // two outer items fill a pool of two; each maps three inner items: queued behind themselves they would never run
        ParallelPushes two = new ParallelPushes(2);
        List<List<String>> out = assertTimeoutPreemptively(java.time.Duration.ofSeconds(60), () -> two.map(List.of("a", "b"),
                s -> two.map(List.of(1, 2, 3), i -> s + i + (Thread.currentThread().getName().startsWith("esl-push-") ? "" : "?"))));
        assertEquals(List.of(List.of("a1", "a2", "a3"), List.of("b1", "b2", "b3")), out);
    }
}

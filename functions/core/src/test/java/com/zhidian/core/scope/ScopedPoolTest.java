package com.zhidian.core.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScopedPoolTest {
    private final ScopedPool pool = new ScopedPool("test", 3);

    @AfterEach
    void end() {
        pool.close();
        RequestScope s = RequestScope.current();
        if (s != null) s.exit();
    }

    @Test
    void aPartRunsOnAnotherThread_underAFreshScopeOfTheCallersTenant() {
        RequestScope request = RequestScope.enter("t-1");
        Thread caller = Thread.currentThread();
        List<Object[]> seen = pool.all(List.of(
                () -> new Object[] {Thread.currentThread(), RequestScope.currentTenant(), RequestScope.current()},
                () -> new Object[] {Thread.currentThread(), RequestScope.currentTenant(), RequestScope.current()}));
        for (Object[] s : seen) {
            assertNotSame(caller, s[0]);
            assertEquals("t-1", s[1]);
            assertNotSame(request, s[2], "the request's own scope is not shared between threads");
        }
        assertSame(request, RequestScope.current(), "the caller's scope is untouched");
    }

    @Test
    void aWorkerKeepsNoScopeAfterItsPart() {
        RequestScope.enter("t-1");
        pool.all(List.of(() -> 1, () -> 2, () -> 3, () -> 4, () -> 5, () -> 6));
        RequestScope.current().exit();
        List<String> after = pool.all(List.of(RequestScope::currentTenant, RequestScope::currentTenant,
                RequestScope::currentTenant, RequestScope::currentTenant));
        after.forEach(t -> assertNull(t, "a part of no request runs under no scope, whatever the thread served before"));
    }

    @Test
    void withoutAScope_partsRunWithoutOne() {
        assertEquals(List.of("none", "none"), pool.all(List.of(
                () -> RequestScope.current() == null ? "none" : "some",
                () -> RequestScope.current() == null ? "none" : "some")));
    }

    @Test
    void resultsComeInThePartsOrder() {
        List<Callable<Integer>> parts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            parts.add(() -> {
                if (n % 3 == 0) Thread.sleep(2);
                return n;
            });
        }
        List<Integer> want = new ArrayList<>();
        for (int i = 0; i < 20; i++) want.add(i);
        assertEquals(want, pool.all(parts));
    }

    @Test
    void partsRunTogether_atMostThePoolsSizeAtOnce() throws Exception {
        // three parts that each wait for the other two: they only all finish if they run at the same time
        CountDownLatch all = new CountDownLatch(3);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Callable<Boolean> part = () -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            all.countDown();
            boolean met = all.await(30, TimeUnit.SECONDS);
            running.decrementAndGet();
            return met;
        };
        assertEquals(List.of(true, true, true), pool.all(List.of(part, part, part)));
        assertEquals(3, most.get());
        // six more parts on a pool of three: never more than three at once
        most.set(0);
        Callable<Integer> busy = () -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.sleep(5);
            running.decrementAndGet();
            return 1;
        };
        pool.all(List.of(busy, busy, busy, busy, busy, busy));
        assertTrue(most.get() <= 3, "at most the pool's three threads, saw " + most.get());
    }

    @Test
    void aFailingPartFailsTheWholeWithItsOwnException() {
        RequestScope.enter("t-1");
        IllegalArgumentException boom = new IllegalArgumentException("boom");
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> pool.all(List.of(() -> 1, () -> { throw boom; }, () -> 3)));
        assertSame(boom, thrown);
        Exception checked = new Exception("checked");
        IllegalStateException wrapped = assertThrows(IllegalStateException.class, () -> pool.all(List.of(() -> 1, () -> { throw checked; })));
        assertSame(checked, wrapped.getCause());
    }

    @Test
    void aPartThatFansOutOnTheSamePoolRunsItsPartsInline_noDeadlock() {
        try (ScopedPool one = new ScopedPool("one", 1)) {
            RequestScope.enter("t-2");
            List<List<String>> out = one.all(List.of(
                    () -> one.all(List.of(RequestScope::currentTenant, RequestScope::currentTenant)),
                    () -> one.all(List.of(RequestScope::currentTenant))));
            assertEquals(List.of(List.of("t-2", "t-2"), List.of("t-2")), out);
        }
    }
}

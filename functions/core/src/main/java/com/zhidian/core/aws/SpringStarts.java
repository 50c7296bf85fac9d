package com.zhidian.core.aws;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Spring Cloud Function's AWS adapter ({@code FunctionInvoker}) finds its start class in {@code MAIN_CLASS} (the
 * environment, else a system property), read once as it starts. In Lambda each function has its own JVM and the
 * handler sets it; in Zhidian Local several such handlers share one JVM and may start at the same time on different
 * threads, so each start names its own class under this lock: {@link #starting} before the adapter starts (in the
 * handler's {@code super(...)} argument), {@link #started} once Spring has read it (the start class's initializer, and
 * the handler's constructor body). A start that never releases (it failed) holds up the next one for 30 s at most.
 */
public final class SpringStarts {
    private SpringStarts() {}

    private static final ReentrantLock ONE_AT_A_TIME = new ReentrantLock();

    /** Names {@code startClass} for the start about to happen on this thread (unless MAIN_CLASS is in the environment); returns {@code function}. */
    public static String starting(Class<?> startClass, String function) {
        if (System.getenv("MAIN_CLASS") != null) return function;
        try {
            ONE_AT_A_TIME.tryLock(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.setProperty("MAIN_CLASS", startClass.getName());
        return function;
    }

    /** The start on this thread has read its class: the next may begin. Safe to call more than once. */
    public static void started() {
        while (ONE_AT_A_TIME.isHeldByCurrentThread()) ONE_AT_A_TIME.unlock();
    }
}

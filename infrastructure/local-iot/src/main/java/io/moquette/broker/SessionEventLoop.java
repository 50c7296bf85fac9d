/*
 * Copyright (c) 2012-2023 The original author or authors (Moquette, https://github.com/moquette-io/moquette),
 * dual-licensed under the Eclipse Public License v1.0 and the Apache License v2.0.
 */
package io.moquette.broker;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.FutureTask;

/**
 * Moquette 0.17's session event loop with upstream's fix (moquette-io/moquette PR #957, after 0.18.x, which this
 * machine's registry does not serve): a command that throws no longer ends the loop. In 0.17 it did, and every client
 * id hashed to that loop then waited forever for its CONNACK; a disconnect from outside the loop racing the client's
 * own commands is enough to throw (moquette issue #933). This class shadows the jar's: local-iot's classes come first
 * on the class path, and {@code Broker.start} refuses to run when they do not. Remove it with the upgrade.
 */
final class SessionEventLoop extends Thread {

    private static final Logger LOG = LoggerFactory.getLogger(SessionEventLoop.class);

    /** What {@code Broker.start} checks to know this copy, not the jar's, is the one loaded. */
    static final boolean SURVIVES_FAILING_COMMANDS = true;

    private final BlockingQueue<FutureTask<String>> sessionQueue;
    private final boolean flushOnExit;

    public SessionEventLoop(BlockingQueue<FutureTask<String>> sessionQueue) {
        this(sessionQueue, true);
    }

    /**
     * @param flushOnExit consume the commands queue before exit.
     */
    public SessionEventLoop(BlockingQueue<FutureTask<String>> sessionQueue, boolean flushOnExit) {
        this.sessionQueue = sessionQueue;
        this.flushOnExit = flushOnExit;
    }

    @Override
    public void run() {
        while (!Thread.interrupted() || (Thread.interrupted() && !sessionQueue.isEmpty() && flushOnExit)) {
            try {
                // blocking call
                final FutureTask<String> task = this.sessionQueue.take();
                executeTask(task);
            } catch (InterruptedException e) {
                LOG.info("SessionEventLoop {} interrupted", Thread.currentThread().getName());
                Thread.currentThread().interrupt();
            } catch (RuntimeException failed) {
                // the FutureTask holds the failure for whoever routed the command; the loop serves the other sessions
                LOG.warn("SessionEventLoop {} continues after a failing command", Thread.currentThread().getName());
            }
        }
        LOG.info("SessionEventLoop {} exit", Thread.currentThread().getName());
    }

    public static void executeTask(final FutureTask<String> task) {
        if (!task.isCancelled()) {
            try {
                task.run();

                // we ran it, but we have to grab the exception if raised
                task.get();
            } catch (Throwable th) {
                LOG.warn("SessionEventLoop {} reached exception in processing command", Thread.currentThread().getName(), th);
                throw new RuntimeException(th);
            }
        }
    }
}

package com.zhidian.local.testfns;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A slow stream function: keeps the keys of each batch, then blocks until {@link #RELEASE} opens (at most 60 s). */
public class HoldingStream implements RequestHandler<Map<String, Object>, Void> {
    public static final LinkedBlockingQueue<String> KEYS = new LinkedBlockingQueue<>();
    public static volatile CountDownLatch RELEASE = new CountDownLatch(0);

    @Override
    public Void handleRequest(Map<String, Object> event, Context context) {
        KEYS.addAll(CountingStream.keys(event));
        try {
            RELEASE.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }
}

package com.zhidian.core.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The "raw calls" side of a bench: every DynamoDB request a piece of code makes, captured on the way to the real
 * client, to be replayed in the same order (and threads) on a second stand-in that holds the same data
 * ({@link TestTables#fresh()}), so the code's time can be set against the time of the calls it cannot avoid. A thread
 * records into the list it names ({@link #recordInto}); calls of a thread that names none go to {@link #outside()}.
 */
public final class RawCalls {
    /** One captured request: the client method and its request object. */
    public record Call(Method method, SdkRequest request) {
        /** The same call on {@code db}; what it throws is thrown as it was (a failed condition fails again). */
        public Object replay(DynamoDbClient db) {
            try {
                return method.invoke(db, request);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException r) throw r;
                throw new IllegalStateException(e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final ThreadLocal<List<Call>> sink = new ThreadLocal<>();
    private final List<Call> outside = Collections.synchronizedList(new ArrayList<>());
    private final DynamoDbClient client;

    public RawCalls(DynamoDbClient real) {
        this.client = (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(), new Class<?>[] {DynamoDbClient.class},
                (proxy, m, args) -> {
                    if (args != null && args.length == 1 && args[0] instanceof SdkRequest r) {
                        List<Call> to = sink.get();
                        (to != null ? to : outside).add(new Call(m, r));
                    }
                    // a builder overload (a default method) runs on the proxy, so the request it builds is captured too
                    if (m.isDefault() && args != null && args.length == 1 && args[0] instanceof Consumer) {
                        return InvocationHandler.invokeDefault(proxy, m, args);
                    }
                    try {
                        return m.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** The client to hand to the code under measure. */
    public DynamoDbClient client() { return client; }

    /** This thread's calls from now on go to {@code calls}; {@code null} sends them to {@link #outside()} again. */
    public void recordInto(List<Call> calls) {
        if (calls == null) sink.remove();
        else sink.set(calls);
    }

    /** The calls made by threads that named no list (a bench's set-up, replayed untimed before the measured calls). */
    public List<Call> outside() { return outside; }
}

package com.zhidian.local.gateway;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JavaType;
import com.zhidian.local.aws.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.UUID;

/**
 * One function of the template, as Lambda runs it: the handler class named by {@code Handler}
 * ({@code pkg.Class::method} or {@code pkg.Class}) is loaded and instantiated once, on first use (the
 * cold start, whose duration is recorded), then invoked in-process for every event (warm). Handlers are
 * shared by concurrent requests, so they must be thread-safe (Lambda would run one container per
 * concurrent request).
 */
public final class LambdaFunction {
    private final String name;
    private final String handler;
    private final int memoryMb;
    private final int timeoutSeconds;
    private final ClassLoader loader;
    private volatile Loaded loaded;
    private volatile long initNanos = -1;
    private final java.util.concurrent.atomic.AtomicLong invocations = new java.util.concurrent.atomic.AtomicLong();

    private record Loaded(Object instance, Method method, Type inputType, int kind) {}

    private static final int REQUEST_HANDLER = 0, STREAM_HANDLER = 1, METHOD = 2;

    public LambdaFunction(String name, String handler, int memoryMb, int timeoutSeconds, ClassLoader loader) {
        this.name = name;
        this.handler = handler;
        this.memoryMb = memoryMb;
        this.timeoutSeconds = timeoutSeconds;
        this.loader = loader;
    }

    public String name() { return name; }

    public String handler() { return handler; }

    /** Cold-start time of this function (class loading, static init, constructor), or -1 before first use. */
    public long initNanos() { return initNanos; }

    public long invocations() { return invocations.get(); }

    /** The function's {@code Timeout}. */
    public int timeoutSeconds() { return timeoutSeconds; }

    public boolean isLoaded() { return loaded != null; }

    /** Loads and initialises the handler now (what the first invocation would do). */
    public void init() {
        loaded();
    }

    private Loaded loaded() {
        Loaded l = loaded;
        if (l == null) {
            synchronized (this) {
                l = loaded;
                if (l == null) {
                    long t0 = System.nanoTime();
                    l = load();
                    initNanos = System.nanoTime() - t0;
                    loaded = l;
                }
            }
        }
        return l;
    }

    private Loaded load() {
        if (handler == null || handler.isBlank()) throw new IllegalStateException("function " + name + " has no Handler");
        String className = handler, methodName = null;
        int sep = handler.indexOf("::");
        if (sep >= 0) {
            className = handler.substring(0, sep);
            methodName = handler.substring(sep + 2);
        }
        try {
            Class<?> cls = Class.forName(className, true, loader);
            Object instance = cls.getDeclaredConstructor().newInstance();
            if (instance instanceof RequestStreamHandler && (methodName == null || methodName.equals("handleRequest"))) {
                return new Loaded(instance, null, null, STREAM_HANDLER);
            }
            if (instance instanceof RequestHandler<?, ?> && (methodName == null || methodName.equals("handleRequest"))) {
                Type input = Object.class;
                for (Method m : cls.getMethods()) {
                    if (m.getName().equals("handleRequest") && m.getParameterCount() == 2 && !m.isBridge()
                            && Context.class.isAssignableFrom(m.getParameterTypes()[1])) {
                        input = m.getGenericParameterTypes()[0];
                    }
                }
                return new Loaded(instance, null, input, REQUEST_HANDLER);
            }
            String wanted = methodName == null ? "handleRequest" : methodName;
            for (Method m : cls.getMethods()) {
                if (m.getName().equals(wanted) && !m.isBridge() && m.getParameterCount() >= 1 && m.getParameterCount() <= 2
                        && !Modifier.isStatic(m.getModifiers())) {
                    return new Loaded(instance, m, m.getGenericParameterTypes()[0], METHOD);
                }
            }
            throw new IllegalStateException("no public method " + wanted + " on " + className);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("cannot load handler " + handler + " of function " + name + ": " + e, e);
        }
    }

    /**
     * Invokes the handler with an event object (the event is converted to the handler's input type when
     * it is not already one, through JSON as Lambda's serializer would).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object invoke(Object event) throws Throwable {
        Loaded l = loaded();
        invocations.incrementAndGet();
        Context ctx = new LocalContext(UUID.randomUUID().toString(), name, memoryMb, timeoutSeconds);
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        try {
            switch (l.kind) {
                case REQUEST_HANDLER -> {
                    Object input = convert(event, l.inputType);
                    return ((RequestHandler) l.instance).handleRequest(input, ctx);
                }
                case STREAM_HANDLER -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    ((RequestStreamHandler) l.instance).handleRequest(new ByteArrayInputStream(Json.bytes(event)), out, ctx);
                    return out.size() == 0 ? null : Json.parse(out.toByteArray());
                }
                default -> {
                    Object input = convert(event, l.inputType);
                    Object[] args = l.method.getParameterCount() == 2 ? new Object[] {input, ctx} : new Object[] {input};
                    try {
                        return l.method.invoke(l.instance, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }
            }
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static Object convert(Object event, Type type) {
        if (type == null || type == Object.class) return event;
        if (type instanceof Class<?> c && c.isInstance(event)) return event;
        JavaType jt = Json.MAPPER.getTypeFactory().constructType(type);
        if (jt.getRawClass().isInstance(event)) return event;
        return Json.MAPPER.convertValue(event, jt);
    }
}

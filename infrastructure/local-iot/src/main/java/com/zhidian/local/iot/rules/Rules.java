package com.zhidian.local.iot.rules;

import com.zhidian.local.iot.broker.TopicFilter;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The rules-engine subset: {@code SELECT * FROM 'topicFilter'} routed to a Java action (the lead wires
 * the actions to the functions template.yaml names). Actions run on their own thread, so a slow function
 * never holds up the broker; an action that throws is logged and the next message still flows.
 */
public final class Rules implements AutoCloseable {
    /** A message a rule matched: its topic, raw payload, and the publishing client (null: the stand-in). */
    public record Message(String topic, byte[] payload, String clientId) {
    }

    private record Rule(String filter, Consumer<Message> action) {
    }

    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final ExecutorService actions = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "local-iot-rules");
        t.setDaemon(true);
        return t;
    });

    public void route(String topicFilter, Consumer<Message> action) {
        rules.add(new Rule(topicFilter, action));
    }

    /**
     * Routes a rule written in the IoT SQL subset of {@link RuleSql} (as template.yaml's IoTRule events
     * declare them) to an action that gets the Lambda event's JSON bytes.
     */
    public void routeSql(String sql, Clock clock, Consumer<byte[]> action) {
        RuleSql rule = RuleSql.parse(sql);
        route(rule.topicFilter(), message -> action.accept(rule.event(message, clock)));
    }

    public void published(String topic, byte[] payload, String clientId) {
        for (Rule rule : rules) {
            if (TopicFilter.matches(rule.filter(), topic)) {
                Message message = new Message(topic, payload, clientId);
                actions.execute(() -> {
                    try {
                        rule.action().accept(message);
                    } catch (RuntimeException e) {
                        System.err.println("local-iot rule " + rule.filter() + " failed on " + topic + ": " + e);
                    }
                });
            }
        }
    }

    @Override
    public void close() {
        actions.shutdownNow();
    }
}

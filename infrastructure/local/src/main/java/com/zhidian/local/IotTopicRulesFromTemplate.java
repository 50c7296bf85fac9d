package com.zhidian.local;

import com.zhidian.local.iot.IotLocal;
import com.zhidian.local.sqs.SqsLocal;
import com.zhidian.local.sqs.SqsQueue;
import com.zhidian.local.template.Intrinsics;
import com.zhidian.local.template.SamTemplate;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stands in for the template's {@code AWS::IoT::TopicRule} resources whose action is {@code Sqs}: every matching MQTT
 * message's SELECT result becomes one message of the queue the action's {@code QueueUrl} names (UseBase64 false: the
 * JSON as it is), as AWS IoT's SQS action sends it
 * (https://docs.aws.amazon.com/iot/latest/developerguide/sqs-rule-action.html). Rules with other actions are not run here.
 */
final class IotTopicRulesFromTemplate {
    record TopicRule(String ruleId, String sql, String queueName) {}

    private IotTopicRulesFromTemplate() {}

    static List<TopicRule> read(SamTemplate template, Intrinsics intrinsics) {
        List<TopicRule> out = new ArrayList<>();
        for (String id : template.resourcesOfType("AWS::IoT::TopicRule")) {
            Map<String, Object> payload = SamTemplate.map(template.properties(id).get("TopicRulePayload"));
            if (Boolean.TRUE.equals(payload.get("RuleDisabled")) || payload.get("Sql") == null) continue;
            Object actions = payload.get("Actions");
            if (!(actions instanceof List<?> list)) continue;
            for (Object a : list) {
                Map<String, Object> sqs = SamTemplate.map(SamTemplate.map(a).get("Sqs"));
                if (sqs.isEmpty()) continue;
                String url = intrinsics.evaluate(sqs.get("QueueUrl"));
                if (url == null) continue;
                out.add(new TopicRule(id, String.valueOf(payload.get("Sql")), url.substring(url.lastIndexOf('/') + 1)));
            }
        }
        return out;
    }

    static List<TopicRule> wire(SamTemplate template, Intrinsics intrinsics, IotLocal iot, SqsLocal sqs, Clock clock) {
        List<TopicRule> rules = read(template, intrinsics);
        for (TopicRule rule : rules) {
            SqsQueue queue = sqs.queue(rule.queueName());
            if (queue == null) {
                System.err.println("[zhidian-local] IoT rule " + rule.ruleId() + " sends to " + rule.queueName() + ", which the template does not make");
                continue;
            }
            iot.rules().routeSql(rule.sql(), clock, event -> queue.send(new String(event, StandardCharsets.UTF_8)));
        }
        return rules;
    }
}

package com.zhidian.local;

import com.zhidian.local.aws.Json;
import com.zhidian.local.gateway.LambdaFunction;
import com.zhidian.local.iot.IotLocal;
import com.zhidian.local.template.SamTemplate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stands in for the AWS IoT rules of template.yaml: every {@code Type: IoTRule} event of a function
 * ({@code Properties.Sql}) routes the matching MQTT messages to that function, which gets the rule's
 * SELECT result as its event, as the Lambda action does
 * (https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-iotrule.html).
 */
final class IotRulesFromTemplate {
    record IotRule(String functionId, String eventName, String sql) {}

    private IotRulesFromTemplate() {}

    static List<IotRule> read(SamTemplate template) {
        List<IotRule> out = new ArrayList<>();
        for (SamTemplate.FunctionDef f : template.functions()) {
            Map<String, Object> events = SamTemplate.map(template.properties(f.logicalId()).get("Events"));
            events.forEach((name, ev) -> {
                Map<String, Object> e = SamTemplate.map(ev);
                if (!"IoTRule".equals(e.get("Type"))) return;
                Object sql = SamTemplate.map(e.get("Properties")).get("Sql");
                if (sql != null) out.add(new IotRule(f.logicalId(), name, String.valueOf(sql)));
            });
        }
        return out;
    }

    /** Routes every rule to its function; a function that throws is logged by the rules engine. */
    static List<IotRule> wire(SamTemplate template, IotLocal iot, Map<String, LambdaFunction> functions, Clock clock) {
        List<IotRule> rules = read(template);
        for (IotRule rule : rules) {
            LambdaFunction f = functions.get(rule.functionId());
            iot.rules().routeSql(rule.sql(), clock, event -> {
                try {
                    f.invoke(Json.parse(event));
                } catch (RuntimeException e) {
                    throw e;
                } catch (Throwable t) {
                    throw new IllegalStateException(rule.functionId() + " failed on an IoT rule event: " + t, t);
                }
            });
        }
        return rules;
    }
}

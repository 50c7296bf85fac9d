package com.zhidian.local.template;

import static com.zhidian.local.template.SamTemplate.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CloudFormation's intrinsic functions (Ref, Fn::GetAtt, Fn::Sub, Fn::Join, Fn::If and the conditions) evaluated with
 * the local values of the template's resources, as the functions' environment and the gateway's authorizer need them
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html). A value this
 * cannot evaluate is null: the caller says so rather than guessing.
 */
public final class Intrinsics {
    /** The local values behind the template's resources: what Ref and Fn::GetAtt of them give. */
    public record Locals(String region, String tableName, String userPoolId, String userPoolClientId, String issuer) {}

    private final SamTemplate template;
    private final Locals locals;

    public Intrinsics(SamTemplate template, Locals locals) {
        this.template = template;
        this.locals = locals;
    }

    /** A queue's name: its QueueName evaluated, else the logical id. */
    public String queueName(String logicalId) {
        Object name = template.properties(logicalId).get("QueueName");
        Object v = name == null ? null : evaluate(name);
        return v == null ? logicalId : String.valueOf(v);
    }

    /** A table's local name: its literal TableName, else (the one table, or the one TABLE_NAME refers to) the configured name. */
    public String tableName(String logicalId) {
        Object literal = template.properties(logicalId).get("TableName");
        if (literal instanceof String s) return s;
        if (template.tables().size() == 1) return locals.tableName();
        for (SamTemplate.FunctionDef f : template.functions()) {
            Object v = f.environment().get("TABLE_NAME");
            if (logicalId.equals(SamTemplate.refName(v))) return locals.tableName();
        }
        return logicalId;
    }

    /** The environment the functions see: every function's variables with their values evaluated (one JVM: one set). */
    public Map<String, String> functionEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        for (SamTemplate.FunctionDef f : template.functions()) {
            f.environment().forEach((name, value) -> {
                String v = resolve(name, value);
                if (v == null) {
                    System.err.println("[zhidian-local] environment variable " + name + " of " + f.logicalId()
                            + " has no local value (" + value + "); not set");
                    return;
                }
                String previous = env.put(name, v);
                if (previous != null && !previous.equals(v)) {
                    System.err.println("[zhidian-local] environment variable " + name + " differs between functions ("
                            + previous + " / " + v + "); system properties are JVM-wide, the last one wins");
                }
            });
        }
        return env;
    }

    /** The local value of an environment variable whose template value may be an intrinsic function. */
    private String resolve(String name, Object value) {
        switch (name) {
            case "TABLE_NAME": if (!(value instanceof String)) return locals.tableName(); break;
            case "USER_POOL_ID": return locals.userPoolId();
            case "USER_POOL_CLIENT_ID": return locals.userPoolClientId();
            default: break;
        }
        return evaluate(value);
    }

    /** A template value (a literal or an intrinsic function) as its local string; null when it has none. */
    public String evaluate(Object value) {
        if (value == null) return null;
        if (value instanceof String || value instanceof Number || value instanceof Boolean) return value.toString();
        if (!(value instanceof Map<?, ?> m) || m.size() != 1) return null;
        Map.Entry<?, ?> e = m.entrySet().iterator().next();
        String fn = e.getKey().toString();
        Object arg = e.getValue();
        switch (fn) {
            case "Ref": return ref(String.valueOf(arg));
            case "Fn::GetAtt": {
                if (!(arg instanceof List<?> l) || l.size() < 2) return null;
                String id = l.get(0).toString(), attr = l.get(1).toString();
                String type = template.typeOf(id);
                if (type == null) return null;
                if (attr.equals("Arn")) {
                    return switch (type) {
                        case "AWS::DynamoDB::Table" -> "arn:aws:dynamodb:" + locals.region() + ":000000000000:table/" + tableName(id);
                        case "AWS::Cognito::UserPool" -> "arn:aws:cognito-idp:" + locals.region() + ":000000000000:userpool/" + locals.userPoolId();
                        case "AWS::IAM::Role" -> roleArn(id);
                        case "AWS::SQS::Queue" -> "arn:aws:sqs:" + locals.region() + ":000000000000:" + queueName(id);
                        default -> "arn:aws:local:" + locals.region() + ":000000000000:" + id;
                    };
                }
                if (attr.equals("QueueName") && type.equals("AWS::SQS::Queue")) return queueName(id);
                if (attr.equals("ProviderURL") && type.equals("AWS::Cognito::UserPool")) return locals.issuer();
                if (attr.equals("ProviderName") && type.equals("AWS::Cognito::UserPool")) return locals.issuer().substring(7);
                return null;
            }
            case "Fn::Sub": {
                String text;
                Map<String, Object> vars = Map.of();
                if (arg instanceof List<?> l && !l.isEmpty()) {
                    text = String.valueOf(l.get(0));
                    if (l.size() > 1) vars = map(l.get(1));
                } else {
                    text = String.valueOf(arg);
                }
                StringBuilder sb = new StringBuilder();
                int i = 0;
                while (i < text.length()) {
                    int s = text.indexOf("${", i);
                    if (s < 0) { sb.append(text, i, text.length()); break; }
                    int end = text.indexOf('}', s);
                    if (end < 0) { sb.append(text, i, text.length()); break; }
                    sb.append(text, i, s);
                    String var = text.substring(s + 2, end);
                    String v;
                    if (var.startsWith("!")) v = "${" + var.substring(1) + "}";
                    else if (vars.containsKey(var)) v = evaluate(vars.get(var));
                    else if (var.contains(".")) v = evaluate(Map.of("Fn::GetAtt", List.of(var.substring(0, var.indexOf('.')), var.substring(var.indexOf('.') + 1))));
                    else v = ref(var);
                    if (v == null) return null;
                    sb.append(v);
                    i = end + 1;
                }
                return sb.toString();
            }
            case "Fn::Join": {
                if (!(arg instanceof List<?> l) || l.size() != 2 || !(l.get(1) instanceof List<?> parts)) return null;
                List<String> out = new ArrayList<>();
                for (Object p : parts) {
                    String v = evaluate(p);
                    if (v == null) return null;
                    out.add(v);
                }
                return String.join(String.valueOf(l.get(0)), out);
            }
            case "Fn::If": {
                if (!(arg instanceof List<?> l) || l.size() != 3) return null;
                return evaluate(condition(String.valueOf(l.get(0))) ? l.get(1) : l.get(2));
            }
            default: return null;
        }
    }

    /** Evaluates a named condition of the template's {@code Conditions} with local parameter values. */
    private boolean condition(String name) {
        Object expr = map(template.root().get("Conditions")).get(name);
        if (expr == null) throw new IllegalStateException("unknown condition " + name);
        return evalCondition(expr);
    }

    private boolean evalCondition(Object expr) {
        if (!(expr instanceof Map<?, ?> m) || m.size() != 1) return Boolean.parseBoolean(String.valueOf(evaluate(expr)));
        Map.Entry<?, ?> e = m.entrySet().iterator().next();
        List<?> args = e.getValue() instanceof List<?> l ? l : List.of(e.getValue());
        return switch (e.getKey().toString()) {
            case "Fn::Equals" -> args.size() == 2 && java.util.Objects.equals(evaluate(args.get(0)), evaluate(args.get(1)));
            case "Fn::Not" -> !evalCondition(args.get(0));
            case "Fn::And" -> args.stream().allMatch(this::evalCondition);
            case "Fn::Or" -> args.stream().anyMatch(this::evalCondition);
            case "Condition" -> condition(String.valueOf(e.getValue()));
            default -> Boolean.parseBoolean(String.valueOf(evaluate(expr)));
        };
    }

    /** {@code arn:aws:iam::000000000000:role/<RoleName>}, the logical id when the template names none. */
    public String roleArn(String logicalId) {
        String name = evaluate(template.properties(logicalId).get("RoleName"));
        return "arn:aws:iam::000000000000:role/" + (name == null ? logicalId : name);
    }

    private String ref(String id) {
        switch (id) {
            case "AWS::Region": return locals.region();
            case "AWS::AccountId": return "000000000000";
            case "AWS::StackName": return "zhidian-local";
            case "AWS::Partition": return "aws-cn";
            case "AWS::URLSuffix": return "amazonaws.com.cn";
            case "AWS::NoValue": return null;
            default: break;
        }
        String type = template.typeOf(id);
        if (type == null) {
            return template.parameterDefault(id).map(String::valueOf).orElse(null);
        }
        return switch (type) {
            case "AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable" -> tableName(id);
            case "AWS::Cognito::UserPool" -> locals.userPoolId();
            case "AWS::Cognito::UserPoolClient" -> locals.userPoolClientId();
            case "AWS::Serverless::HttpApi" -> id;
            // the URL's host is not where the SDK sends (aws.endpointUrlSqs says that); the stand-in reads the name
            case "AWS::SQS::Queue" -> "https://sqs." + locals.region() + ".amazonaws.com/000000000000/" + queueName(id);
            default -> id.toLowerCase(Locale.ROOT);
        };
    }
}

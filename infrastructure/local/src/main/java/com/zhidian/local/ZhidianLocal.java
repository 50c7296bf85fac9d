package com.zhidian.local;

import com.zhidian.local.aws.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.local.cognito.CognitoLocal;
import com.zhidian.local.cognito.PasswordPolicy;
import com.zhidian.local.cognito.PoolSettings;
import com.zhidian.local.gateway.Cors;
import com.zhidian.local.gateway.Gateway;
import com.zhidian.local.gateway.GatewayMetrics;
import com.zhidian.local.gateway.JwtAuthorizer;
import com.zhidian.local.gateway.LambdaFunction;
import com.zhidian.local.gateway.LocalAuth;
import com.zhidian.local.gateway.RouteTable;
import com.zhidian.local.gateway.StaticPortal;
import com.zhidian.local.sts.StsLocal;
import com.zhidian.local.template.SamTemplate;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Zhidian Local: the AWS services Zhidian uses, on one machine, in one process. Starts the DynamoDB
 * stand-in (and creates the table of {@code template.yaml}), the Cognito stand-in, and the gateway that
 * serves the template's HTTP API routes by invoking the handler classes in-process.
 * <pre>
 * try (ZhidianLocal local = ZhidianLocal.start(LocalConfig.ephemeral())) {
 *     HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(local.gatewayUrl() + "/stores")) ...
 * }
 * </pre>
 * Handlers reach the stand-ins through the AWS SDK's own settings, which {@code start} sets as system
 * properties: {@code aws.endpointUrlDynamoDb}, {@code aws.endpointUrlCognitoIdentityProvider},
 * {@code aws.endpointUrlSts}, {@code aws.region}, {@code aws.accessKeyId}, {@code aws.secretAccessKey}; and the
 * functions' environment variables of the template (also as system properties of the same name). Requests signed
 * with credentials the STS stand-in issued for a role of the template meet that role's policy at the DynamoDB
 * stand-in ({@link TenantDataWall}).
 */
public final class ZhidianLocal implements AutoCloseable {
    /** The SDK for Java v2 service-specific endpoint system properties (as the SDK's client builders read them). */
    public static final String DYNAMODB_ENDPOINT_PROPERTY = "aws.endpointUrlDynamoDb";
    public static final String COGNITO_ENDPOINT_PROPERTY = "aws.endpointUrlCognitoIdentityProvider";
    public static final String STS_ENDPOINT_PROPERTY = "aws.endpointUrlSts";

    private final LocalConfig config;
    private final SamTemplate template;
    private final DynamoDbStandIn dynamo;
    private final URI dynamoEndpoint;
    private final CognitoLocal cognito;
    private final StsLocal sts;
    private final Gateway gateway;
    private final LocalAuth auth;
    private LocalScheduler scheduler;
    private final Faults faults = new Faults();
    private final Map<String, String> environment;
    private final long startMillis;
    private final StaticPortal portal;
    private final Map<String, Long> startPhases = new LinkedHashMap<>();
    private long phaseStart;

    private void phase(String name) {
        long now = System.nanoTime();
        startPhases.put(name, (now - phaseStart) / 1_000_000);
        phaseStart = now;
    }

    private ZhidianLocal(LocalConfig config) throws IOException {
        long t0 = System.nanoTime();
        phaseStart = t0;
        this.config = config;
        // the JDK HTTP server sends small answers late without TCP_NODELAY; read once, before the first server
        System.setProperty("sun.net.httpserver.nodelay", "true");
        // every function shares this JVM, so its keep-alive pool (5 per destination by default) is too small
        if (System.getProperty("http.maxConnections") == null) System.setProperty("http.maxConnections", "256");
        Path templatePath = config.template() != null ? config.template()
                : SamTemplate.find(Path.of("")).orElseThrow(() -> new IllegalStateException(
                        "no template.yaml found from " + Path.of("").toAbsolutePath() + " upwards; set LocalConfig.template(...)"));
        Path dataDir = config.dataDir();
        if (dataDir != null) Files.createDirectories(dataDir);

        // DynamoDB first, and the SDK client that creates the table built in the background right away:
        // the SDK's first client in a JVM costs a few hundred ms, overlapped with everything else here
        DynamoDbStandIn db = null;
        URI dynamoUri = null;
        if (config.dynamoDb()) {
            if (config.externalDynamoEndpoint() != null) {
                dynamoUri = config.externalDynamoEndpoint();
            } else {
                db = DynamoDbStandIn.start(dataDir == null ? null : dataDir.resolve("dynamodb"), config.host(),
                        config.dynamoPort(), config.region());
                dynamoUri = db.endpoint();
            }
        }
        this.dynamo = db;
        this.dynamoEndpoint = dynamoUri;
        phase("dynamodb");
        URI ddbUri = dynamoUri;
        CompletableFuture<DynamoDbClient> ddbClient = dynamoUri == null ? null
                : CompletableFuture.supplyAsync(() -> dynamoClient(ddbUri));
        CognitoLocal idp = null;
        try {
            this.template = SamTemplate.load(templatePath);
            phase("template");
            // identity: its signing key is generated in the background while the rest starts
            idp = CognitoLocal.start(poolSettings(), dataDir == null ? null : dataDir.resolve("cognito"),
                    config.host(), config.cognitoPort());
        } catch (RuntimeException e) {
            if (db != null) db.close();
            if (ddbClient != null) ddbClient.thenAccept(DynamoDbClient::close);
            throw e;
        }
        this.cognito = idp;
        phase("cognito");
        // STS: the functions assume the tenant data role through it; the DynamoDB stand-in applies that role's policy
        this.sts = StsLocal.start(config.host(), 0);
        if (db != null) db.delegate().setAccessPolicy(TenantDataWall.fromTemplate(template, sts, this::roleArn));
        phase("sts");
        faults.register(Faults.Service.COGNITO, cognito);
        if (db != null) faults.register(Faults.Service.DYNAMODB, db.delegate());
        CompletableFuture<Void> tables = ddbClient == null ? CompletableFuture.completedFuture(null)
                : ddbClient.thenAccept(this::createTables);

        this.environment = localEnvironment();
        if (config.setSystemProperties()) {
            System.setProperty("aws.region", config.region());
            System.setProperty("aws.accessKeyId", "local");
            System.setProperty("aws.secretAccessKey", "local");
            if (dynamoUri != null) System.setProperty(DYNAMODB_ENDPOINT_PROPERTY, dynamoUri.toString());
            System.setProperty(COGNITO_ENDPOINT_PROPERTY, cognito.endpoint().toString());
            System.setProperty(STS_ENDPOINT_PROPERTY, sts.endpoint().toString());
            environment.forEach(System::setProperty);
        }

        ClassLoader loader = config.classLoader();
        Map<String, LambdaFunction> functions = new LinkedHashMap<>();
        for (SamTemplate.FunctionDef f : template.functions()) {
            functions.put(f.logicalId(), new LambdaFunction(f.logicalId(), f.handler(), f.memoryMb(), f.timeoutSeconds(), loader));
        }
        wireCustomAuth(functions);
        this.auth = new LocalAuth(cognito.endpoint(), cognito.clientId(), config.region(), config.customerUsername());
        JwtAuthorizer authorizer = new JwtAuthorizer(cognito.issuer(), Set.of(cognito.clientId()), cognito.jwksUri(),
                Clock.systemUTC());
        this.portal = config.portalDir() != null ? StaticPortal.directory(config.portalDir())
                : StaticPortal.classpath(config.portalClasspathPrefix(), loader);
        String apiId = template.resourcesOfType("AWS::Serverless::HttpApi").stream().findFirst().orElse("ServerlessHttpApi");
        Cors cors = Cors.from(template.resourcesOfType("AWS::Serverless::HttpApi").stream().findFirst()
                .map(id -> template.properties(id).get("CorsConfiguration")).orElse(null));
        phase("setup");
        this.gateway = new Gateway(config.host(), config.gatewayPort(), new RouteTable(template.routes()), functions,
                authorizer, portal, this::local, apiId, cors, config.logRequests(), config.maxConcurrent());
        gateway.readyWhen(tables);
        phase("gateway");
        try {
            tables.join();
        } catch (RuntimeException e) {
            close();
            throw new IllegalStateException("cannot create the table of " + templatePath + ": " + e.getCause(), e.getCause());
        }
        phase("table");
        if (config.eagerInit()) functions.values().forEach(LambdaFunction::init);
        this.scheduler = new LocalScheduler(template, functions, config.region()).start();
        this.startMillis = (System.nanoTime() - t0) / 1_000_000;
    }

    /** Starts everything; returns when the gateway answers and the table exists. */
    public static ZhidianLocal start(LocalConfig config) {
        try {
            return new ZhidianLocal(config);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start Zhidian Local: " + e.getMessage(), e);
        }
    }

    /** {@code http://localhost:<port>} */
    public String gatewayUrl() { return "http://localhost:" + gateway.port(); }

    /** The DynamoDB endpoint handlers use (null with {@link LocalConfig#withoutDynamoDb()}). */
    public URI dynamoEndpoint() { return dynamoEndpoint; }

    public URI cognitoEndpoint() { return cognito.endpoint(); }

    public String userPoolId() { return cognito.poolId(); }

    /** The STS stand-in (AssumeRole): its endpoint, and the sessions it issued. */
    public StsLocal sts() { return sts; }

    public String clientId() { return cognito.clientId(); }

    /** The {@code iss} of tokens: {@code http://localhost:<cognito port>/local_zhidian}. */
    public String issuer() { return cognito.issuer(); }

    public String tableName() { return config.tableName(); }

    public String region() { return config.region(); }

    public Faults faults() { return faults; }

    /** The Cognito stand-in (to sign test tokens, plug in CUSTOM_AUTH triggers). */
    public CognitoLocal cognito() { return cognito; }

    public GatewayMetrics metrics() { return gateway.metrics(); }

    public SamTemplate template() { return template; }

    /** The environment the functions see (also set as system properties), intrinsic values resolved locally. */
    public Map<String, String> environment() { return environment; }

    /** Milliseconds {@code start} took. */
    public long startMillis() { return startMillis; }

    /** Stops the gateway and the stand-ins. Idempotent. */
    @Override
    public synchronized void close() {
        if (scheduler != null) scheduler.close();
        if (gateway != null) gateway.close();
        if (auth != null) auth.close();
        if (cognito != null) cognito.close();
        if (sts != null) sts.close();
        if (dynamo != null) {
            try {
                dynamo.close();
            } catch (RuntimeException e) {
                System.err.println("[zhidian-local] closing the DynamoDB stand-in: " + e.getMessage());
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ /local

    private LocalAuth.Answer local(String method, String path, JsonNode body) {
        if ("POST".equals(method) && path.startsWith("/local/schedules/")) return runSchedule(path.substring("/local/schedules/".length()));
        return switch (method + " " + path) {
            case "POST /local/auth/login" -> auth.login(body);
            case "POST /local/auth/new-password" -> auth.newPassword(body);
            case "POST /local/auth/refresh" -> auth.refresh(body);
            case "GET /local/health" -> new LocalAuth.Answer(200, health());
            case "GET /local/faults" -> new LocalAuth.Answer(200, faults.toJson());
            case "POST /local/faults" -> new LocalAuth.Answer(200, setFault(body));
            case "DELETE /local/faults" -> {
                faults.clear();
                yield new LocalAuth.Answer(200, faults.toJson());
            }
            case "GET /local/schedules" -> new LocalAuth.Answer(200, scheduler.toJson());
            case "GET /local/metrics" -> new LocalAuth.Answer(200, gateway.metrics().toJson(gateway.functions()));
            case "DELETE /local/metrics" -> {
                gateway.metrics().reset();
                yield new LocalAuth.Answer(200, gateway.metrics().toJson(gateway.functions()));
            }
            default -> null;
        };
    }

    /** Runs a scheduled function now, as its EventBridge rule would; answers what the function returned. */
    private LocalAuth.Answer runSchedule(String functionId) {
        try {
            ObjectNode o = Json.object();
            o.put("function", functionId);
            o.set("result", Json.MAPPER.valueToTree(scheduler.runNow(functionId)));
            return new LocalAuth.Answer(200, o);
        } catch (IllegalArgumentException e) {
            return new LocalAuth.Answer(404, Json.object().put("message", e.getMessage()));
        } catch (Throwable t) {
            return new LocalAuth.Answer(500, Json.object().put("message", "the scheduled function failed: " + t));
        }
    }

    /** The scheduled functions of the template (EventBridge rules stand-in). */
    public LocalScheduler scheduler() { return scheduler; }

    private ObjectNode setFault(JsonNode body) {
        String service = body.path("service").asText(null);
        String mode = body.path("mode").asText(null);
        if (service == null) throw new IllegalArgumentException("service is required: dynamodb or cognito");
        if (mode == null) throw new IllegalArgumentException("mode is required: down, slow or up");
        Faults.Service s;
        Faults.Mode m;
        try {
            s = Faults.Service.parse(service);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown service " + service + ": dynamodb or cognito");
        }
        try {
            m = Faults.Mode.parse(mode);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown mode " + mode + ": down, slow or up");
        }
        Duration delay = body.has("delayMs") ? Duration.ofMillis(body.path("delayMs").asLong()) : null;
        faults.set(s, m, delay);
        return faults.toJson();
    }

    private ObjectNode health() {
        ObjectNode o = Json.object();
        o.put("status", "ok");
        o.put("gatewayUrl", gatewayUrl());
        o.put("dynamoEndpoint", dynamoEndpoint == null ? null : dynamoEndpoint.toString());
        o.put("tableName", config.tableName());
        o.put("cognitoEndpoint", cognito.endpoint().toString());
        o.put("stsEndpoint", sts.endpoint().toString());
        o.put("userPoolId", cognito.poolId());
        o.put("clientId", cognito.clientId());
        o.put("issuer", cognito.issuer());
        o.put("region", config.region());
        o.put("template", template.path() == null ? null : template.path().toString());
        o.put("functions", template.functions().size());
        o.put("routes", template.routes().size());
        o.put("portal", portal.describe());
        o.put("startMillis", startMillis);
        ObjectNode phases = o.putObject("startPhasesMillis");
        startPhases.forEach(phases::put);
        o.set("faults", faults.toJson());
        return o;
    }

    // ------------------------------------------------------------------------------------------------ template

    private PoolSettings poolSettings() {
        PoolSettings d = PoolSettings.defaults();
        List<String> pools = template.resourcesOfType("AWS::Cognito::UserPool");
        List<String> usernameAttrs = d.usernameAttributes();
        List<String> aliases = d.aliasAttributes();
        boolean caseSensitive = d.caseSensitive();
        PasswordPolicy policy = d.passwordPolicy();
        List<String> custom = new ArrayList<>();
        if (!pools.isEmpty()) {
            Map<String, Object> p = template.properties(pools.get(0));
            if (p.get("UsernameAttributes") instanceof List<?> l) usernameAttrs = l.stream().map(String::valueOf).toList();
            // as Cognito: no AliasAttributes, no sign-in by email; no UsernameConfiguration, case-sensitive usernames
            aliases = p.get("AliasAttributes") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
            Object cs = SamTemplate.map(p.get("UsernameConfiguration")).get("CaseSensitive");
            caseSensitive = cs == null || Boolean.parseBoolean(String.valueOf(cs));
            policy = PasswordPolicy.from(SamTemplate.map(SamTemplate.map(p.get("Policies")).get("PasswordPolicy")));
            if (p.get("Schema") instanceof List<?> schema) {
                for (Object a : schema) {
                    Map<String, Object> am = SamTemplate.map(a);
                    Object name = am.get("Name");
                    if (name == null) continue;
                    // custom attributes: declared without prefix in CloudFormation, used as custom:<name>
                    String n = name.toString();
                    if (!STANDARD_ATTRIBUTES.contains(n)) custom.add(n.startsWith("custom:") ? n : "custom:" + n);
                }
            }
        }
        return new PoolSettings(config.poolId(), config.clientId(), usernameAttrs, aliases, caseSensitive, policy,
                config.tokenValidity(), List.copyOf(custom));
    }

    /** CUSTOM_AUTH through the trigger functions of the user pool's LambdaConfig, when the template names all three. */
    private void wireCustomAuth(Map<String, LambdaFunction> functions) {
        List<String> pools = template.resourcesOfType("AWS::Cognito::UserPool");
        if (pools.isEmpty()) return;
        Map<String, Object> lc = SamTemplate.map(template.properties(pools.get(0)).get("LambdaConfig"));
        LambdaFunction define = functions.get(SamTemplate.refName(lc.get("DefineAuthChallenge")));
        LambdaFunction create = functions.get(SamTemplate.refName(lc.get("CreateAuthChallenge")));
        LambdaFunction verify = functions.get(SamTemplate.refName(lc.get("VerifyAuthChallengeResponse")));
        if (define == null || create == null || verify == null) {
            if (!lc.isEmpty() && (define != null || create != null || verify != null)) {
                System.err.println("[zhidian-local] the user pool's LambdaConfig does not name all three CUSTOM_AUTH triggers; "
                        + "CUSTOM_AUTH is off");
            }
            return;
        }
        cognito.setCustomAuthTriggers(new LambdaCustomAuthTriggers(define, create, verify, config.region(),
                cognito.poolId(), cognito.clientId()));
    }

    private static final Set<String> STANDARD_ATTRIBUTES = Set.of("address", "birthdate", "email", "email_verified",
            "family_name", "gender", "given_name", "locale", "middle_name", "name", "nickname", "phone_number",
            "phone_number_verified", "picture", "preferred_username", "profile", "updated_at", "website", "zoneinfo", "sub");

    private DynamoDbClient dynamoClient(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(config.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private void createTables(DynamoDbClient client) {
        try (DynamoDbClient ddb = client) {
            for (SamTemplate.TableDef t : template.tables()) {
                TableCreator.ensure(ddb, localTableName(t.logicalId()), t);
            }
        }
    }

    /** A table's local name: its literal TableName, else (the one table, or the one TABLE_NAME refers to) the configured name. */
    private String localTableName(String logicalId) {
        Object literal = template.properties(logicalId).get("TableName");
        if (literal instanceof String s) return s;
        if (template.tables().size() == 1) return config.tableName();
        for (SamTemplate.FunctionDef f : template.functions()) {
            Object v = f.environment().get("TABLE_NAME");
            if (logicalId.equals(SamTemplate.refName(v))) return config.tableName();
        }
        return logicalId;
    }

    private Map<String, String> localEnvironment() {
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
            case "TABLE_NAME": if (!(value instanceof String)) return config.tableName(); break;
            case "USER_POOL_ID": return cognito.poolId();
            case "USER_POOL_CLIENT_ID": return cognito.clientId();
            default: break;
        }
        return intrinsic(value);
    }

    private String intrinsic(Object value) {
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
                        case "AWS::DynamoDB::Table" -> "arn:aws:dynamodb:" + config.region() + ":000000000000:table/" + localTableName(id);
                        case "AWS::Cognito::UserPool" -> "arn:aws:cognito-idp:" + config.region() + ":000000000000:userpool/" + cognito.poolId();
                        case "AWS::IAM::Role" -> roleArn(id);
                        default -> "arn:aws:local:" + config.region() + ":000000000000:" + id;
                    };
                }
                if (attr.equals("ProviderURL") && type.equals("AWS::Cognito::UserPool")) return cognito.issuer();
                if (attr.equals("ProviderName") && type.equals("AWS::Cognito::UserPool")) return cognito.issuer().substring(7);
                return null;
            }
            case "Fn::Sub": {
                String text;
                Map<String, Object> vars = Map.of();
                if (arg instanceof List<?> l && !l.isEmpty()) {
                    text = String.valueOf(l.get(0));
                    if (l.size() > 1) vars = SamTemplate.map(l.get(1));
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
                    else if (vars.containsKey(var)) v = intrinsic(vars.get(var));
                    else if (var.contains(".")) v = intrinsic(Map.of("Fn::GetAtt", List.of(var.substring(0, var.indexOf('.')), var.substring(var.indexOf('.') + 1))));
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
                    String v = intrinsic(p);
                    if (v == null) return null;
                    out.add(v);
                }
                return String.join(String.valueOf(l.get(0)), out);
            }
            case "Fn::If": {
                if (!(arg instanceof List<?> l) || l.size() != 3) return null;
                return intrinsic(condition(String.valueOf(l.get(0))) ? l.get(1) : l.get(2));
            }
            default: return null;
        }
    }

    /** Evaluates a named condition of the template's {@code Conditions} with local parameter values. */
    private boolean condition(String name) {
        Object expr = SamTemplate.map(template.root().get("Conditions")).get(name);
        if (expr == null) throw new IllegalStateException("unknown condition " + name);
        return evalCondition(expr);
    }

    private boolean evalCondition(Object expr) {
        if (!(expr instanceof Map<?, ?> m) || m.size() != 1) return Boolean.parseBoolean(String.valueOf(intrinsic(expr)));
        Map.Entry<?, ?> e = m.entrySet().iterator().next();
        List<?> args = e.getValue() instanceof List<?> l ? l : List.of(e.getValue());
        return switch (e.getKey().toString()) {
            case "Fn::Equals" -> args.size() == 2 && java.util.Objects.equals(intrinsic(args.get(0)), intrinsic(args.get(1)));
            case "Fn::Not" -> !evalCondition(args.get(0));
            case "Fn::And" -> args.stream().allMatch(this::evalCondition);
            case "Fn::Or" -> args.stream().anyMatch(this::evalCondition);
            case "Condition" -> condition(String.valueOf(e.getValue()));
            default -> Boolean.parseBoolean(String.valueOf(intrinsic(expr)));
        };
    }

    /** {@code arn:aws:iam::000000000000:role/<RoleName>}, the logical id when the template names none. */
    private String roleArn(String logicalId) {
        String name = intrinsic(template.properties(logicalId).get("RoleName"));
        return "arn:aws:iam::000000000000:role/" + (name == null ? logicalId : name);
    }

    private String ref(String id) {
        switch (id) {
            case "AWS::Region": return config.region();
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
            case "AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable" -> localTableName(id);
            case "AWS::Cognito::UserPool" -> cognito.poolId();
            case "AWS::Cognito::UserPoolClient" -> cognito.clientId();
            case "AWS::Serverless::HttpApi" -> id;
            default -> id.toLowerCase(Locale.ROOT);
        };
    }
}

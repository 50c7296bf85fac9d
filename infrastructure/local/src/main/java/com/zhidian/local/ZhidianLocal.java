package com.zhidian.local;

import com.zhidian.local.cognito.CognitoLocal;
import com.zhidian.local.dynamodb.LocalDynamoDb;
import com.zhidian.local.gateway.Cors;
import com.zhidian.local.gateway.Gateway;
import com.zhidian.local.gateway.GatewayMetrics;
import com.zhidian.local.gateway.JwtAuthorizer;
import com.zhidian.local.gateway.LambdaFunction;
import com.zhidian.local.gateway.LocalAuth;
import com.zhidian.local.gateway.RouteTable;
import com.zhidian.local.gateway.StaticPortal;
import com.zhidian.local.iot.IotLocal;
import com.zhidian.local.s3.S3Local;
import com.zhidian.local.sqs.SqsLocal;
import com.zhidian.local.stripe.StripeLocal;
import com.zhidian.local.sts.StsLocal;
import com.zhidian.local.template.Intrinsics;
import com.zhidian.local.template.SamTemplate;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
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
 * {@code aws.endpointUrlSts}, {@code aws.endpointUrlSqs}, {@code aws.endpointUrlIot}, {@code aws.endpointUrlIotDataPlane} (and {@code IOT_MQTT_HOST} /
 * {@code IOT_MQTT_PORT}, the broker devices connect to), {@code aws.region}, {@code aws.accessKeyId}, {@code aws.secretAccessKey}; and the
 * functions' environment variables of the template (also as system properties of the same name). Requests signed
 * with credentials the STS stand-in issued for a role of the template meet that role's policy at the DynamoDB
 * stand-in ({@link TenantDataWall}).
 */
public final class ZhidianLocal implements AutoCloseable {
    /** The SDK for Java v2 service-specific endpoint system properties (as the SDK's client builders read them). */
    public static final String DYNAMODB_ENDPOINT_PROPERTY = "aws.endpointUrlDynamoDb";
    public static final String COGNITO_ENDPOINT_PROPERTY = "aws.endpointUrlCognitoIdentityProvider";
    public static final String STS_ENDPOINT_PROPERTY = "aws.endpointUrlSts";
    public static final String IOT_ENDPOINT_PROPERTY = "aws.endpointUrlIot";
    /** Where the functions' stripe-java client sends API calls (unset in AWS: api.stripe.com). */
    public static final String STRIPE_API_BASE_PROPERTY = "STRIPE_API_BASE";
    public static final String IOT_DATA_ENDPOINT_PROPERTY = "aws.endpointUrlIotDataPlane";
    /** Where the functions' S3 client and presigner send requests (path-style). */
    public static final String S3_ENDPOINT_PROPERTY = "aws.endpointUrlS3";
    public static final String SQS_ENDPOINT_PROPERTY = "aws.endpointUrlSqs";

    private final LocalConfig config;
    private final SamTemplate template;
    private final LocalDynamoDb dynamo;
    private final URI dynamoEndpoint;
    private final CognitoLocal cognito;
    private final StsLocal sts;
    private IotLocal iot;
    private final StripeLocal stripe;
    /** WeChat's code2Session for mini-program login (campaigns binds members' openids through it). */
    private final WeChatLocal wechat;
    private final S3Local s3;
    private S3EventsFromTemplate s3Events;
    private final SqsLocal sqs;
    private SqsFromTemplate sqsSources;
    private java.util.List<IotRulesFromTemplate.IotRule> iotRules = java.util.List.of();
    private final Gateway gateway;
    private final LocalAuth auth;
    private LocalScheduler scheduler;
    private DynamoStreamsFromTemplate streams;
    private final Faults faults = new Faults();
    private final Map<String, String> environment;
    private final long startMillis;
    private final StaticPortal portal;
    private final Map<String, Long> startPhases = new LinkedHashMap<>();
    private Intrinsics intrinsics;
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
        // every function shares this JVM, so its keep-alive pool (5 per destination by default) is too small
        if (System.getProperty("http.maxConnections") == null) System.setProperty("http.maxConnections", "256");
        // a library logs through Log4j's API with no Log4j behind it here: its simple logger, without the start-up ERROR line
        if (System.getProperty("log4j2.loggerContextFactory") == null) {
            System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        }
        Path templatePath = config.template() != null ? config.template()
                : SamTemplate.find(Path.of("")).orElseThrow(() -> new IllegalStateException(
                        "no template.yaml found from " + Path.of("").toAbsolutePath() + " upwards; set LocalConfig.template(...)"));
        Path dataDir = config.dataDir();
        if (dataDir != null) Files.createDirectories(dataDir);

        // DynamoDB first, and the SDK client that creates the table built in the background right away:
        // the SDK's first client in a JVM costs a few hundred ms, overlapped with everything else here
        LocalDynamoDb db = config.dynamoDb() && config.externalDynamoEndpoint() == null ? startDynamoDb(dataDir) : null;
        URI dynamoUri = db != null ? db.endpoint() : config.dynamoDb() ? config.externalDynamoEndpoint() : null;
        this.dynamo = db;
        this.dynamoEndpoint = dynamoUri;
        phase("dynamodb");
        CompletableFuture<DynamoDbClient> ddbClient = dynamoUri == null ? null
                : CompletableFuture.supplyAsync(() -> TableCreator.client(dynamoUri, config.region()));
        CognitoLocal idp;
        try {
            this.template = SamTemplate.load(templatePath);
            phase("template");
            // identity: its signing key is generated in the background while the rest starts
            idp = CognitoLocal.start(UserPoolFromTemplate.settings(template, config),
                    dataDir == null ? null : dataDir.resolve("cognito"), config.host(), config.cognitoPort());
        } catch (RuntimeException e) {
            if (db != null) db.close();
            if (ddbClient != null) ddbClient.thenAccept(DynamoDbClient::close);
            throw e;
        }
        this.cognito = idp;
        this.intrinsics = new Intrinsics(template, new Intrinsics.Locals(config.region(), config.tableName(),
                cognito.poolId(), cognito.clientId(), cognito.issuer()));
        phase("cognito");
        // STS: the functions assume the tenant data role through it; the DynamoDB stand-in applies that role's policy
        this.sts = StsLocal.start(config.host(), 0);
        if (db != null) db.setAccessPolicy(TenantDataWall.fromTemplate(template, sts, intrinsics::roleArn));
        phase("sts");
        // IoT Core: the broker, shadows and the two HTTP APIs the functions' IotClient / IotDataPlaneClient call
        if (config.iot()) {
            IotLocal.Config iotConfig = IotLocal.Config.defaults().withRegion(config.region())
                    .withPorts(config.iotMqttPort(), config.iotDataPlanePort(), config.iotControlPlanePort());
            this.iot = IotLocal.start(dataDir == null ? iotConfig : iotConfig.withDataDir(dataDir.resolve("iot")));
        }
        phase("iot");
        // Stripe: the API stripe-java calls; its webhooks go to the gateway's /webhooks/stripe once it listens
        this.stripe = StripeLocal.start(config.host(), 0);
        phase("stripe");
        this.wechat = WeChatLocal.start(config.host(), 0);
        // S3: the buckets of the template, presigned uploads from browsers, object-created events to functions
        this.s3 = S3Local.start(config.host(), 0).credentials("local", "local");
        phase("s3");
        // SQS: the template's queues, and pollers that feed their functions (the Lambda event source mappings)
        this.sqs = SqsLocal.start(config.host(), 0);
        phase("sqs");
        faults.register(Faults.Service.COGNITO, cognito);
        faults.register(Faults.Service.STRIPE, stripe);
        faults.register(Faults.Service.S3, s3);
        if (db != null) faults.register(Faults.Service.DYNAMODB, db);
        CompletableFuture<Void> tables = ddbClient == null ? CompletableFuture.completedFuture(null)
                : ddbClient.thenAccept(client -> TableCreator.createAll(client, template, intrinsics));

        this.environment = intrinsics.functionEnvironment();
        if (config.setSystemProperties()) setSystemProperties(dynamoUri);

        ClassLoader loader = config.classLoader();
        Map<String, LambdaFunction> functions = new LinkedHashMap<>();
        for (SamTemplate.FunctionDef f : template.functions()) {
            functions.put(f.logicalId(), new LambdaFunction(f.logicalId(), f.handler(), f.memoryMb(), f.timeoutSeconds(), loader));
        }
        UserPoolFromTemplate.wireCustomAuth(template, cognito, functions, config.region());
        UserPoolFromTemplate.wireSignUp(template, cognito, functions, config.region());
        UserPoolFromTemplate.wireAppClient(template, cognito);
        // as the sign-in code (OTP_FIXED): the H5 can be tried by hand; tests read the code from the stand-in's outbox
        cognito.setConfirmationCodes(() -> "000000");
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
                authorizer, portal, new LocalAdminApi(this, auth, faults), apiId, cors, config.logRequests(), config.maxConcurrent());
        gateway.readyWhen(tables);
        // two endpoints, as a Stripe account would have: payments for orders, subscription billing for tenants
        stripe.webhooks(URI.create(gatewayUrl() + "/webhooks/stripe"), StripeLocal.DEFAULT_WEBHOOK_SECRET)
                .webhookEndpoint(URI.create(gatewayUrl() + "/webhooks/stripe-billing"), StripeLocal.DEFAULT_WEBHOOK_SECRET,
                        java.util.List.of("invoice.*", "customer.subscription.*"));
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
        this.sqsSources = SqsFromTemplate.wire(template, intrinsics, sqs, functions, config.region());
        if (iot != null) this.iotRules = IotRulesFromTemplate.wire(template, iot, functions, Clock.systemUTC());
        // AWS::IoT::TopicRule resources with an Sqs action (the telemetry queue): their messages into the SQS stand-in
        if (iot != null) IotTopicRulesFromTemplate.wire(template, intrinsics, iot, sqs, Clock.systemUTC());
        this.s3Events = S3EventsFromTemplate.wire(template, intrinsics, s3, functions, config.region());
        // DynamoDB stream event source mappings (the price outbox -> shelf labels): pollers of the stand-in's stream
        // (a batch they finally skip goes as an invocation record to the event's OnFailure queue, when it names one)
        if (dynamoUri != null) this.streams = DynamoStreamsFromTemplate.start(template, dynamoUri, config.tableName(), functions,
                new DynamoStreamsFromTemplate.Destinations(id -> sqs.queue(intrinsics.queueName(id)),
                        id -> "arn:aws:lambda:" + config.region() + ":000000000000:function:" + id));
        this.startMillis = (System.nanoTime() - t0) / 1_000_000;
    }

    /** Holds the DynamoDB stream's reader (benchmarks: see {@link DynamoStreamsFromTemplate#hold}) or lets it go on. */
    public void holdStreams(boolean hold) {
        if (streams != null) streams.hold(hold);
    }

    /** {@code dataDir} null: in memory. */
    private LocalDynamoDb startDynamoDb(Path dataDir) {
        LocalDynamoDb.Options options = dataDir == null ? LocalDynamoDb.Options.inMemory()
                : LocalDynamoDb.Options.persistent(dataDir.resolve("dynamodb"));
        return LocalDynamoDb.start(options.host(config.host()).port(config.dynamoPort()).region(config.region()));
    }

    /** The AWS SDK's own settings, so handlers reach the stand-ins unchanged, and the functions' environment. */
    private void setSystemProperties(URI dynamoUri) {
        System.setProperty("aws.region", config.region());
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        if (dynamoUri != null) System.setProperty(DYNAMODB_ENDPOINT_PROPERTY, dynamoUri.toString());
        System.setProperty(COGNITO_ENDPOINT_PROPERTY, cognito.endpoint().toString());
        System.setProperty(STS_ENDPOINT_PROPERTY, sts.endpoint().toString());
        System.setProperty(SQS_ENDPOINT_PROPERTY, sqs.endpoint().toString());
        if (iot != null) {
            System.setProperty(IOT_ENDPOINT_PROPERTY, iot.endpoints().controlPlane().toString());
            System.setProperty(IOT_DATA_ENDPOINT_PROPERTY, iot.endpoints().dataPlane().toString());
            // where devices connect (in AWS the account's ATS endpoint, which the devices function asks DescribeEndpoint for)
            System.setProperty("IOT_MQTT_HOST", iot.endpoints().mqttHost());
            System.setProperty("IOT_MQTT_PORT", Integer.toString(iot.endpoints().mqttPort()));
        }
        // the functions' stripe-java client: API base, a test key the stand-in accepts, the webhook endpoint's secret
        System.setProperty(STRIPE_API_BASE_PROPERTY, stripe.endpoint().toString());
        System.setProperty(S3_ENDPOINT_PROPERTY, s3.endpoint().toString());
        System.setProperty("STRIPE_SECRET_KEY", "sk_test_zhidian_local");
        System.setProperty("STRIPE_WEBHOOK_SECRET", StripeLocal.DEFAULT_WEBHOOK_SECRET);
        // WeChat: the functions' code2Session calls go to the stand-in (the template gives no WECHAT_API_BASE)
        System.setProperty("WECHAT_API_BASE", wechat.endpoint().toString());
        environment.forEach(System::setProperty);
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

    /** The IoT Core stand-in (null with {@link LocalConfig#withoutIot()}): MQTT endpoint, shadows, registry. */
    public IotLocal iot() { return iot; }

    /** The Stripe stand-in: PaymentIntents, Refunds, Customers, Subscriptions, signed webhooks, the tester's switches. */
    public StripeLocal stripe() { return stripe; }

    /** The S3 stand-in: the template's buckets, presigned uploads, object-created events. */
    public S3Local s3() { return s3; }
    /** The SQS stand-in: the template's queues (the delivery queue and its dead letters). */
    public SqsLocal sqs() { return sqs; }

    /** The {@code iss} of tokens: {@code http://localhost:<cognito port>/local_zhidian}. */
    public String issuer() { return cognito.issuer(); }

    public String tableName() { return config.tableName(); }

    public String region() { return config.region(); }

    public Faults faults() { return faults; }

    /** The Cognito stand-in (to sign test tokens, plug in CUSTOM_AUTH triggers). */
    public CognitoLocal cognito() { return cognito; }

    public WeChatLocal wechat() { return wechat; }

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
        if (streams != null) streams.close();
        if (sqsSources != null) sqsSources.close();
        if (sqs != null) sqs.close();
        if (wechat != null) wechat.close();
        if (gateway != null) gateway.close();
        if (auth != null) auth.close();
        if (cognito != null) cognito.close();
        if (sts != null) sts.close();
        if (iot != null) iot.close();
        if (stripe != null) stripe.close();
        if (s3Events != null) s3Events.close();
        if (s3 != null) s3.close();
        if (dynamo != null) {
            try {
                dynamo.close();
            } catch (RuntimeException e) {
                System.err.println("[zhidian-local] closing the DynamoDB stand-in: " + e.getMessage());
            }
        }
    }

    /** The IoTRule events of the template, routed to their functions. */
    java.util.List<IotRulesFromTemplate.IotRule> iotRules() { return iotRules; }

    /** The scheduled functions of the template (EventBridge rules stand-in). */
    public LocalScheduler scheduler() { return scheduler; }

    Collection<LambdaFunction> gatewayFunctions() { return gateway.functions(); }

    String portalDescription() { return portal.describe(); }

    /** How long each phase of {@code start} took, in order. */
    Map<String, Long> startPhases() { return startPhases; }
}

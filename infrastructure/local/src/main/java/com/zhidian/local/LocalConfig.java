package com.zhidian.local;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * How to start Zhidian Local. Immutable; every {@code withX} returns a copy.
 * <pre>
 * LocalConfig.defaults()                       // :3000, :8000, :9229, IoT :1883/:8441/:8442, in memory, template found from the working dir
 * LocalConfig.ephemeral().dataDir(dir)         // all ports 0 (tests), data kept in dir
 * </pre>
 */
public final class LocalConfig {
    private String host = "127.0.0.1";
    private int gatewayPort = 3000;
    private int dynamoPort = 8000;
    private int cognitoPort = 9229;
    private int iotMqttPort = 1883;
    private int iotDataPlanePort = 8441;
    private int iotControlPlanePort = 8442;
    private boolean iot = true;                // false: no IoT Core stand-in
    private Path dataDir;                      // null: everything in memory
    private URI externalDynamoEndpoint;        // set: use that DynamoDB instead of starting the stand-in
    private boolean dynamoDb = true;           // false: no DynamoDB at all (gateway/Cognito-only tests)
    private Path template;                     // null: found by walking up from the working directory
    private Path portalDir;                    // null: the classpath prefix below
    private String portalClasspathPrefix = "zhidian-portal/";
    private String tableName = "zhidian";
    private String poolId = "local_zhidian";
    private String clientId = "zhidian-local-client";
    private String region = "cn-north-1";
    private Duration tokenValidity = Duration.ofHours(1);
    private boolean eagerInit = false;
    private boolean setSystemProperties = true;
    private boolean logRequests = false;
    // -Dzhidian.local.maxConcurrent=N: the same as --max-concurrent for a Zhidian Local started in a test JVM (benches)
    private int maxConcurrent = Integer.getInteger("zhidian.local.maxConcurrent", 2 * Runtime.getRuntime().availableProcessors());
    private ClassLoader classLoader;
    private BiFunction<String, String, String> customerUsername = (tenantId, phone) -> tenantId + "#" + phone;

    private LocalConfig() {}

    /** Gateway :3000, DynamoDB stand-in :8000, Cognito stand-in :9229, data in memory. */
    public static LocalConfig defaults() { return new LocalConfig(); }

    /** Every port 0 (the OS picks free ones), data in memory: for tests. */
    public static LocalConfig ephemeral() {
        return defaults().gatewayPort(0).dynamoPort(0).cognitoPort(0).iotPorts(0, 0, 0);
    }

    private LocalConfig copy() {
        LocalConfig c = new LocalConfig();
        c.host = host;
        c.gatewayPort = gatewayPort;
        c.dynamoPort = dynamoPort;
        c.cognitoPort = cognitoPort;
        c.iotMqttPort = iotMqttPort;
        c.iotDataPlanePort = iotDataPlanePort;
        c.iotControlPlanePort = iotControlPlanePort;
        c.iot = iot;
        c.dataDir = dataDir;
        c.externalDynamoEndpoint = externalDynamoEndpoint;
        c.dynamoDb = dynamoDb;
        c.template = template;
        c.portalDir = portalDir;
        c.portalClasspathPrefix = portalClasspathPrefix;
        c.tableName = tableName;
        c.poolId = poolId;
        c.clientId = clientId;
        c.region = region;
        c.tokenValidity = tokenValidity;
        c.eagerInit = eagerInit;
        c.setSystemProperties = setSystemProperties;
        c.logRequests = logRequests;
        c.maxConcurrent = maxConcurrent;
        c.classLoader = classLoader;
        c.customerUsername = customerUsername;
        return c;
    }

    /** Address the servers bind to (default 127.0.0.1; "0.0.0.0" to reach them from the LAN). */
    public LocalConfig host(String v) { LocalConfig c = copy(); c.host = Objects.requireNonNull(v); return c; }

    /** Gateway port; 0 = ephemeral. Default 3000. */
    public LocalConfig gatewayPort(int v) { LocalConfig c = copy(); c.gatewayPort = v; return c; }

    /** DynamoDB stand-in port; 0 = ephemeral. Default 8000. */
    public LocalConfig dynamoPort(int v) { LocalConfig c = copy(); c.dynamoPort = v; return c; }

    /** Cognito stand-in port; 0 = ephemeral. Default 9229. */
    public LocalConfig cognitoPort(int v) { LocalConfig c = copy(); c.cognitoPort = v; return c; }

    /** IoT Core stand-in ports: MQTT, data plane (shadows, publish), control plane (things); 0 = ephemeral. Default 1883, 8441, 8442. */
    public LocalConfig iotPorts(int mqtt, int dataPlane, int controlPlane) {
        LocalConfig c = copy(); c.iotMqttPort = mqtt; c.iotDataPlanePort = dataPlane; c.iotControlPlanePort = controlPlane; return c;
    }

    /** Start no IoT Core stand-in. */
    public LocalConfig withoutIot() { LocalConfig c = copy(); c.iot = false; return c; }

    /** Keep DynamoDB data and Cognito users under this folder (created if missing). */
    public LocalConfig dataDir(Path v) { LocalConfig c = copy(); c.dataDir = v; return c; }

    /** Keep everything in memory (the default). */
    public LocalConfig inMemory() { LocalConfig c = copy(); c.dataDir = null; return c; }

    /** Use a DynamoDB that already runs there (no stand-in is started; the table is still created if missing). */
    public LocalConfig externalDynamoDb(URI endpoint) { LocalConfig c = copy(); c.externalDynamoEndpoint = endpoint; c.dynamoDb = true; return c; }

    /** Start no DynamoDB and create no table (for tests of the gateway and identity alone). */
    public LocalConfig withoutDynamoDb() { LocalConfig c = copy(); c.dynamoDb = false; c.externalDynamoEndpoint = null; return c; }

    /** The SAM template to read. Default: {@code template.yaml} found by walking up from the working directory. */
    public LocalConfig template(Path v) { LocalConfig c = copy(); c.template = v; return c; }

    /** Serve the portal from this directory instead of the classpath. */
    public LocalConfig portalDirectory(Path v) { LocalConfig c = copy(); c.portalDir = v; return c; }

    /** Serve the portal from this classpath prefix (default {@code zhidian-portal/}). */
    public LocalConfig portalClasspath(String prefix) { LocalConfig c = copy(); c.portalClasspathPrefix = prefix; c.portalDir = null; return c; }

    public LocalConfig tableName(String v) { LocalConfig c = copy(); c.tableName = v; return c; }

    public LocalConfig region(String v) { LocalConfig c = copy(); c.region = v; return c; }

    /** Validity of ID and access tokens (default 1 h, as Cognito's default). */
    public LocalConfig tokenValidity(Duration v) { LocalConfig c = copy(); c.tokenValidity = v; return c; }

    /** Initialise every function at start instead of on its first request (default: on first request, as Lambda). */
    public LocalConfig eagerInit(boolean v) { LocalConfig c = copy(); c.eagerInit = v; return c; }

    /** Whether to set the JVM-wide system properties (endpoints, region, credentials, function environment). Default true. */
    public LocalConfig setSystemProperties(boolean v) { LocalConfig c = copy(); c.setSystemProperties = v; return c; }

    /** Log one line per gateway request to stderr. */
    public LocalConfig logRequests(boolean v) { LocalConfig c = copy(); c.logRequests = v; return c; }

    /** API requests the gateway runs at once; later ones wait their turn. Default: twice the CPU cores. */
    public LocalConfig maxConcurrent(int v) {
        if (v < 1) throw new IllegalArgumentException("max concurrent requests must be at least 1");
        LocalConfig c = copy(); c.maxConcurrent = v; return c;
    }

    /** Class loader for handler classes and the classpath portal (default: the thread's context class loader). */
    public LocalConfig classLoader(ClassLoader v) { LocalConfig c = copy(); c.classLoader = v; return c; }

    /** Cognito username of a customer, from tenant id and phone (default {@code <tenantId>#<phone>}). */
    public LocalConfig customerUsername(BiFunction<String, String, String> v) { LocalConfig c = copy(); c.customerUsername = v; return c; }

    public String host() { return host; }
    public int gatewayPort() { return gatewayPort; }
    public int dynamoPort() { return dynamoPort; }
    public int cognitoPort() { return cognitoPort; }
    public int iotMqttPort() { return iotMqttPort; }
    public int iotDataPlanePort() { return iotDataPlanePort; }
    public int iotControlPlanePort() { return iotControlPlanePort; }
    public boolean iot() { return iot; }
    public Path dataDir() { return dataDir; }
    public URI externalDynamoEndpoint() { return externalDynamoEndpoint; }
    public boolean dynamoDb() { return dynamoDb; }
    public Path template() { return template; }
    public Path portalDir() { return portalDir; }
    public String portalClasspathPrefix() { return portalClasspathPrefix; }
    public String tableName() { return tableName; }
    public String poolId() { return poolId; }
    public String clientId() { return clientId; }
    public String region() { return region; }
    public Duration tokenValidity() { return tokenValidity; }
    public boolean eagerInit() { return eagerInit; }
    public boolean setSystemProperties() { return setSystemProperties; }
    public boolean logRequests() { return logRequests; }

    public int maxConcurrent() { return maxConcurrent; }
    public ClassLoader classLoader() {
        if (classLoader != null) return classLoader;
        ClassLoader ctx = Thread.currentThread().getContextClassLoader();
        return ctx != null ? ctx : LocalConfig.class.getClassLoader();
    }
    public BiFunction<String, String, String> customerUsername() { return customerUsername; }
}

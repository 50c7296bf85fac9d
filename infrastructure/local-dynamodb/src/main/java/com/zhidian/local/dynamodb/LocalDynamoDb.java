package com.zhidian.local.dynamodb;

import com.zhidian.local.faults.Faultable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An in-process DynamoDB stand-in on a loopback port, speaking the DynamoDB JSON 1.0 protocol so the AWS SDK v2
 * (and the Enhanced Client) talk to it unchanged through {@code endpointOverride(db.endpoint())}.
 *
 * <pre>{@code
 * try (LocalDynamoDb db = LocalDynamoDb.start(LocalDynamoDb.Options.inMemory().port(0))) {
 *     DynamoDbClient client = DynamoDbClient.builder().endpointOverride(db.endpoint()) ... .build();
 * }
 * }</pre>
 */
public final class LocalDynamoDb implements Faultable, AutoCloseable {

    /** How requests fail while {@link #setUnavailable(boolean)} is on. */
    public enum FaultMode {
        /** HTTP 503 with a DynamoDB-style {@code ServiceUnavailableException} JSON body. */
        SERVICE_UNAVAILABLE,
        /** The connection is closed without an answer. */
        DROP_CONNECTION
    }

    /** Start-up options. */
    public static final class Options {
        private final Path dataDir;
        private int port = 8000;
        private String host = "127.0.0.1";
        private String region = "us-east-1";
        private Duration ttlSweepInterval = Duration.ofSeconds(1);
        private long checkpointBytes = 64L * 1024 * 1024;

        private Options(Path dataDir) { this.dataDir = dataDir; }

        /** Nothing on disk: everything is lost on close. */
        public static Options inMemory() { return new Options(null); }

        /** Durable in {@code dataDir}: a write-ahead log forced to disk before each write is acknowledged. */
        public static Options persistent(Path dataDir) { return new Options(Objects.requireNonNull(dataDir, "dataDir")); }

        /** Port to listen on; 0 picks a free one. Default 8000. */
        public Options port(int port) { this.port = port; return this; }
        /** Address to bind; default 127.0.0.1. */
        public Options host(String host) { this.host = host; return this; }
        /** Region used in ARNs and stream records; default us-east-1. */
        public Options region(String region) { this.region = region; return this; }
        /** How often expired TTL items are swept; default 1 s. */
        public Options ttlSweepInterval(Duration d) { this.ttlSweepInterval = d; return this; }
        /** Size of the write-ahead log that triggers a snapshot; default 64 MB. */
        public Options checkpointBytes(long bytes) { this.checkpointBytes = bytes; return this; }

        public Path dataDir() { return dataDir; }
        public int port() { return port; }
    }

    private final MiniHttpServer server;
    private final Engine engine;
    private final HttpFront front;
    private final ScheduledExecutorService sweeper;
    private final URI endpoint;
    private volatile boolean closed;

    private LocalDynamoDb(Options o) throws IOException {
        engine = new Engine(o.dataDir, o.region, o.checkpointBytes);
        front = new HttpFront(engine);
        try {
            server = new MiniHttpServer(o.host, o.port, front);
        } catch (IOException | RuntimeException e) {
            engine.close(); // release the data directory
            throw e;
        }
        int port = server.port();
        endpoint = URI.create("http://" + (o.host.contains(":") ? "[" + o.host + "]" : o.host) + ":" + port);
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "local-dynamodb-ttl");
            t.setDaemon(true);
            return t;
        });
        long ms = Math.max(10, o.ttlSweepInterval.toMillis());
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                engine.sweepTtl();
            } catch (RuntimeException e) {
                e.printStackTrace();
            }
        }, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** Starts a stand-in; returns once it accepts connections. */
    public static LocalDynamoDb start(Options options) {
        try {
            return new LocalDynamoDb(options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Base URI, for {@code endpointOverride}, e.g. {@code http://127.0.0.1:8000}. */
    public URI endpoint() { return endpoint; }

    public int port() { return server.port(); }

    /** While true every request fails (HTTP 503 ServiceUnavailableException, or a dropped connection: see {@link #setFaultMode}). */
    @Override
    public void setUnavailable(boolean unavailable) { front.faults.setUnavailable(unavailable); }

    public boolean isUnavailable() { return front.faults.unavailable(); }

    public void setFaultMode(FaultMode mode) { front.faultMode = Objects.requireNonNull(mode); }

    /** Adds this delay before each request is answered (zero to turn off). */
    @Override
    public void setLatency(Duration latency) { front.faults.setLatency(latency); }

    /**
     * Checks each request with this policy before it runs (null: allow everything, the default). Zhidian Local uses it
     * to enforce the tenant data role's {@code dynamodb:LeadingKeys} condition.
     */
    public void setAccessPolicy(AccessPolicy policy) {
        front.access = policy == null ? null : new AccessCheck(policy, table -> {
            try {
                return engine.handle("DescribeTable", Codec.F.objectNode().put("TableName", table)).get("Table");
            } catch (DynamoException notFound) {
                return null;
            }
        });
    }

    /** Runs the TTL sweep now; returns how many expired items were deleted. */
    public int sweepExpiredItems() { return engine.sweepTtl(); }

    /** Replaces the clock the TTL sweep reads (tests). */
    public void setClock(java.time.Clock clock) { engine.clock = Objects.requireNonNull(clock); }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        sweeper.shutdownNow();
        server.close();
        engine.close();
    }
}

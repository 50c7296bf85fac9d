package com.zhidian.local;

import com.zhidian.local.dynamodb.LocalDynamoDb;
import java.net.URI;
import java.nio.file.Path;

/** The DynamoDB stand-in of module {@code local-dynamodb}, started with Zhidian Local's options. */
final class DynamoDbStandIn implements AutoCloseable {
    private final LocalDynamoDb db;

    private DynamoDbStandIn(LocalDynamoDb db) {
        this.db = db;
    }

    /** {@code dataDir} null: in memory. */
    static DynamoDbStandIn start(Path dataDir, String host, int port, String region) {
        LocalDynamoDb.Options options = dataDir == null ? LocalDynamoDb.Options.inMemory() : LocalDynamoDb.Options.persistent(dataDir);
        return new DynamoDbStandIn(LocalDynamoDb.start(options.host(host).port(port).region(region)));
    }

    URI endpoint() { return db.endpoint(); }

    LocalDynamoDb delegate() { return db; }

    @Override
    public void close() { db.close(); }
}

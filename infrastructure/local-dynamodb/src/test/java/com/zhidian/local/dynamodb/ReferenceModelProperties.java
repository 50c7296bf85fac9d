package com.zhidian.local.dynamodb;

import net.jqwik.api.*;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Random operation sequences give the same results on the stand-in (through the SDK) as on a simple reference model. */
class ReferenceModelProperties {
    static LocalDynamoDb db;
    static DynamoDbClient c;
    static final AtomicInteger n = new AtomicInteger();

    @BeforeContainer
    static void up() {
        db = LocalDynamoDb.start(LocalDynamoDb.Options.inMemory().port(0));
        c = Clients.client(db.endpoint());
    }

    @AfterContainer
    static void down() {
        c.close();
        db.close();
    }

    @Provide
    Arbitrary<List<Ops.Op>> sequences() {
        return Ops.single(true).list().ofMinSize(5).ofMaxSize(60);
    }

    @Property(tries = 150)
    @Label("put/get/update/delete/query/scan/batch/transaction sequences match the reference model")
    void matchesReferenceModel(@ForAll("sequences") List<Ops.Op> ops) {
        String table = "model" + n.incrementAndGet();
        Ops.createTable(c, table);
        ReferenceModel model = new ReferenceModel();
        try {
            for (int i = 0; i < ops.size(); i++) {
                Ops.Op op = ops.get(i);
                assertEquals(model.apply(op), Ops.run(c, table, op), "op #" + i + " " + op);
            }
        } finally {
            c.deleteTable(b -> b.tableName(table));
        }
    }
}

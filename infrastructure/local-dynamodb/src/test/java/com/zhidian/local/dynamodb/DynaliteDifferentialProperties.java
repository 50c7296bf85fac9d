package com.zhidian.local.dynamodb;

import net.jqwik.api.*;
import net.jqwik.api.lifecycle.*;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Differential: the same random sequences (operations dynalite 4.0.0 supports: no transactions) give the same results on
 * the stand-in and on dynalite (npm, installed under target/dynalite). Skipped, visibly, when node/npm are missing.
 */
@AddLifecycleHook(DynaliteDifferentialProperties.SkipWithoutNode.class)
class DynaliteDifferentialProperties {
    static LocalDynamoDb db;
    static Dynalite dynalite;
    static DynamoDbClient ours, theirs;
    static final AtomicInteger n = new AtomicInteger();

    /** Skips the container (reported as skipped, with the reason) when dynalite cannot run here. */
    public static class SkipWithoutNode implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            String why = Dynalite.unavailableReason();
            return why == null ? SkipResult.doNotSkip() : SkipResult.skip("dynalite differential tests skipped: " + why);
        }
    }

    @BeforeContainer
    static void up() throws Exception {
        if (Dynalite.unavailableReason() != null) return;
        db = LocalDynamoDb.start(LocalDynamoDb.Options.inMemory().port(0));
        dynalite = Dynalite.start();
        ours = Clients.client(db.endpoint());
        theirs = Clients.client(dynalite.endpoint);
    }

    @AfterContainer
    static void down() {
        if (ours != null) ours.close();
        if (theirs != null) theirs.close();
        if (db != null) db.close();
        if (dynalite != null) dynalite.close();
    }

    @Provide
    Arbitrary<List<Ops.Op>> sequences() {
        return Ops.single(false).list().ofMinSize(5).ofMaxSize(50);
    }

    @Property(tries = 60)
    @Label("put/get/update/delete/query/scan/batch sequences give the same results as dynalite 4.0.0")
    void sameAsDynalite(@ForAll("sequences") List<Ops.Op> ops) {
        String table = "diff" + n.incrementAndGet();
        Ops.createTable(ours, table);
        Ops.createTable(theirs, table);
        try {
            for (int i = 0; i < ops.size(); i++) {
                Ops.Op op = ops.get(i);
                assertEquals(Ops.run(theirs, table, op), Ops.run(ours, table, op), "op #" + i + " " + op);
            }
        } finally {
            ours.deleteTable(b -> b.tableName(table));
            theirs.deleteTable(b -> b.tableName(table));
        }
    }
}

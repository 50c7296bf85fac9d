package com.zhidian.core.aws;

import com.zhidian.core.Env;
import java.util.Map;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Primes the DynamoDB client before Lambda SnapStart takes its snapshot: one GetItem of a key that never
 * exists loads and initialises the SDK's request path (marshalling, signing, HTTP), so the first request
 * after a restore does not pay for it (about 0.3 s measured in bench/RESULTS.md, "first invoke").
 * https://docs.aws.amazon.com/lambda/latest/dg/snapstart-runtime-hooks-java.html
 * Outside SnapStart (Zhidian Local, tests) no checkpoint happens and the hook never runs.
 */
public final class SnapStartPriming implements Resource {
    /** CRaC contexts hold resources weakly; this keeps ours alive. */
    private static SnapStartPriming registered;

    private final DynamoDbClient db;

    SnapStartPriming(DynamoDbClient db) {
        this.db = db;
    }

    static synchronized void register(DynamoDbClient db) {
        if (registered != null) return;
        registered = new SnapStartPriming(db);
        Core.getGlobalContext().register(registered);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        try {
            db.getItem(b -> b.tableName(Env.tableName())
                    .key(Map.of("pk", AttributeValue.fromS("PRIMING"), "sk", AttributeValue.fromS("PRIMING"))));
        } catch (AwsServiceException refused) {
            // behind the tenant data role the function role may not read the table: the refusal still went
            // through marshalling, signing, HTTP and error parsing, which is what priming is for
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing: connections are re-opened by the HTTP client on first use
    }
}

package com.zhidian.local;

import com.zhidian.local.template.Intrinsics;
import com.zhidian.local.template.SamTemplate;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;

/** Creates a table exactly as the template declares it (key schema, GSIs, LSIs, stream, TTL), if missing. */
final class TableCreator {
    private TableCreator() {}

    /** The SDK client that creates the tables (the URL-connection HTTP client, as the functions use). */
    static DynamoDbClient client(URI endpoint, String region) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** Every table of the template under its local name; closes the client. */
    static void createAll(DynamoDbClient client, SamTemplate template, Intrinsics intrinsics) {
        try (DynamoDbClient ddb = client) {
            for (SamTemplate.TableDef t : template.tables()) ensure(ddb, intrinsics.tableName(t.logicalId()), t);
        }
    }

    /** @return true when the table was created, false when it existed */
    static boolean ensure(DynamoDbClient ddb, String name, SamTemplate.TableDef def) {
        try {
            ddb.describeTable(b -> b.tableName(name));
            return false;
        } catch (ResourceNotFoundException e) {
            // create below
        }
        CreateTableRequest req = request(name, def);
        ddb.createTable(req);
        Map<String, Object> ttl = SamTemplate.map(def.properties().get("TimeToLiveSpecification"));
        if (!ttl.isEmpty() && Boolean.parseBoolean(String.valueOf(ttl.getOrDefault("Enabled", "false")))) {
            try {
                ddb.updateTimeToLive(b -> b.tableName(name).timeToLiveSpecification(t -> t
                        .attributeName(String.valueOf(ttl.get("AttributeName"))).enabled(true)));
            } catch (RuntimeException ex) {
                System.err.println("[zhidian-local] TTL on " + name + " not set: " + ex.getMessage());
            }
        }
        return true;
    }

    static CreateTableRequest request(String name, SamTemplate.TableDef def) {
        Map<String, Object> p = def.properties();
        CreateTableRequest.Builder b = CreateTableRequest.builder().tableName(name);
        if (def.type().equals("AWS::Serverless::SimpleTable")) {
            Map<String, Object> pk = SamTemplate.map(p.get("PrimaryKey"));
            String attr = String.valueOf(pk.getOrDefault("Name", "id"));
            String type = switch (String.valueOf(pk.getOrDefault("Type", "String"))) {
                case "Number" -> "N";
                case "Binary" -> "B";
                default -> "S";
            };
            return b.attributeDefinitions(AttributeDefinition.builder().attributeName(attr).attributeType(type).build())
                    .keySchema(KeySchemaElement.builder().attributeName(attr).keyType(KeyType.HASH).build())
                    .billingMode(BillingMode.PAY_PER_REQUEST).build();
        }
        List<AttributeDefinition> attrs = new ArrayList<>();
        for (Object o : list(p.get("AttributeDefinitions"))) {
            Map<String, Object> a = SamTemplate.map(o);
            attrs.add(AttributeDefinition.builder().attributeName(str(a.get("AttributeName")))
                    .attributeType(str(a.get("AttributeType"))).build());
        }
        b.attributeDefinitions(attrs).keySchema(keys(p.get("KeySchema")));
        String billing = p.get("BillingMode") == null ? "PROVISIONED" : str(p.get("BillingMode"));
        boolean provisioned = billing.equals("PROVISIONED");
        b.billingMode(provisioned ? BillingMode.PROVISIONED : BillingMode.PAY_PER_REQUEST);
        if (provisioned) b.provisionedThroughput(throughput(p.get("ProvisionedThroughput")));
        List<GlobalSecondaryIndex> gsis = new ArrayList<>();
        for (Object o : list(p.get("GlobalSecondaryIndexes"))) {
            Map<String, Object> g = SamTemplate.map(o);
            GlobalSecondaryIndex.Builder gb = GlobalSecondaryIndex.builder().indexName(str(g.get("IndexName")))
                    .keySchema(keys(g.get("KeySchema"))).projection(projection(g.get("Projection")));
            if (provisioned) gb.provisionedThroughput(throughput(g.get("ProvisionedThroughput")));
            gsis.add(gb.build());
        }
        if (!gsis.isEmpty()) b.globalSecondaryIndexes(gsis);
        List<LocalSecondaryIndex> lsis = new ArrayList<>();
        for (Object o : list(p.get("LocalSecondaryIndexes"))) {
            Map<String, Object> l = SamTemplate.map(o);
            lsis.add(LocalSecondaryIndex.builder().indexName(str(l.get("IndexName"))).keySchema(keys(l.get("KeySchema")))
                    .projection(projection(l.get("Projection"))).build());
        }
        if (!lsis.isEmpty()) b.localSecondaryIndexes(lsis);
        Map<String, Object> stream = SamTemplate.map(p.get("StreamSpecification"));
        if (stream.get("StreamViewType") != null) {
            b.streamSpecification(StreamSpecification.builder().streamEnabled(true)
                    .streamViewType(str(stream.get("StreamViewType"))).build());
        }
        return b.build();
    }

    private static List<KeySchemaElement> keys(Object o) {
        List<KeySchemaElement> keys = new ArrayList<>();
        for (Object k : list(o)) {
            Map<String, Object> m = SamTemplate.map(k);
            keys.add(KeySchemaElement.builder().attributeName(str(m.get("AttributeName"))).keyType(str(m.get("KeyType"))).build());
        }
        return keys;
    }

    private static Projection projection(Object o) {
        Map<String, Object> p = SamTemplate.map(o);
        Projection.Builder b = Projection.builder().projectionType(p.get("ProjectionType") == null ? "ALL" : str(p.get("ProjectionType")));
        List<String> nonKey = new ArrayList<>();
        for (Object a : list(p.get("NonKeyAttributes"))) nonKey.add(str(a));
        if (!nonKey.isEmpty()) b.nonKeyAttributes(nonKey);
        return b.build();
    }

    private static ProvisionedThroughput throughput(Object o) {
        Map<String, Object> t = SamTemplate.map(o);
        long r = t.get("ReadCapacityUnits") == null ? 5 : Long.parseLong(str(t.get("ReadCapacityUnits")));
        long w = t.get("WriteCapacityUnits") == null ? 5 : Long.parseLong(str(t.get("WriteCapacityUnits")));
        return ProvisionedThroughput.builder().readCapacityUnits(r).writeCapacityUnits(w).build();
    }

    private static List<?> list(Object o) { return o instanceof List<?> l ? l : List.of(); }

    private static String str(Object o) { return o == null ? null : o.toString(); }
}

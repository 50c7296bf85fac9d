package com.zhidian.local.dynamodb;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.*;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.*;
import software.amazon.awssdk.enhanced.dynamodb.model.*;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.*;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/** The DynamoDB Enhanced Client works unchanged against the stand-in. */
class EnhancedClientTest extends DbTestBase {

    @DynamoDbBean
    public static class Member {
        private String pk, sk, gsi1pk, gsi1sk, name;
        private Long points;
        private Long version;
        private List<String> tags;
        private Map<String, String> attrs;

        @DynamoDbPartitionKey public String getPk() { return pk; }
        public void setPk(String v) { pk = v; }
        @DynamoDbSortKey public String getSk() { return sk; }
        public void setSk(String v) { sk = v; }
        @DynamoDbSecondaryPartitionKey(indexNames = "gsi1") public String getGsi1pk() { return gsi1pk; }
        public void setGsi1pk(String v) { gsi1pk = v; }
        @DynamoDbSecondarySortKey(indexNames = "gsi1") public String getGsi1sk() { return gsi1sk; }
        public void setGsi1sk(String v) { gsi1sk = v; }
        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public Long getPoints() { return points; }
        public void setPoints(Long v) { points = v; }
        @software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute
        public Long getVersion() { return version; }
        public void setVersion(Long v) { version = v; }
        public List<String> getTags() { return tags; }
        public void setTags(List<String> v) { tags = v; }
        public Map<String, String> getAttrs() { return attrs; }
        public void setAttrs(Map<String, String> v) { attrs = v; }
    }

    @DynamoDbBean
    public static class Coupon {
        private String pk, sk;
        private Integer value;
        @DynamoDbPartitionKey public String getPk() { return pk; }
        public void setPk(String v) { pk = v; }
        @DynamoDbSortKey public String getSk() { return sk; }
        public void setSk(String v) { sk = v; }
        public Integer getValue() { return value; }
        public void setValue(Integer v) { value = v; }
    }

    static Coupon coupon(String id, int v) {
        Coupon x = new Coupon();
        x.setPk("T#1#coupon#" + id);
        x.setSk("C");
        x.setValue(v);
        return x;
    }

    static Member member(String id, long points) {
        Member m = new Member();
        m.setPk("T#1#member#" + id);
        m.setSk("PROFILE");
        m.setGsi1pk("T#1#members");
        m.setGsi1sk(String.format("%05d", points));
        m.setName("name " + id);
        m.setPoints(points);
        m.setTags(List.of("a", "b"));
        m.setAttrs(Map.of("k", "v"));
        return m;
    }

    @Test
    @DisplayName("Enhanced Client: createTable, putItem, getItem, updateItem with optimistic locking, query on a GSI, scan, batch and transactWriteItems")
    void enhancedClient() {
        DynamoDbEnhancedClient e = DynamoDbEnhancedClient.builder().dynamoDbClient(c).build();
        DynamoDbTable<Member> t = e.table("enh" + UUID.randomUUID().toString().substring(0, 6), TableSchema.fromBean(Member.class));
        t.createTable(b -> b.globalSecondaryIndices(EnhancedGlobalSecondaryIndex.builder().indexName("gsi1")
                .projection(p -> p.projectionType(software.amazon.awssdk.services.dynamodb.model.ProjectionType.ALL)).build()));

        for (int i = 0; i < 10; i++) t.putItem(member("m" + i, i * 10));
        Member got = t.getItem(Key.builder().partitionValue("T#1#member#m3").sortValue("PROFILE").build());
        assertEquals(30L, got.getPoints());
        assertEquals(List.of("a", "b"), got.getTags());
        assertEquals(1L, got.getVersion());

        got.setPoints(31L);
        Member updated = t.updateItem(got);
        assertEquals(2L, updated.getVersion());
        got.setVersion(1L); // stale
        assertThrows(software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException.class, () -> t.updateItem(got));

        DynamoDbIndex<Member> idx = t.index("gsi1");
        List<Member> top = idx.query(r -> r.queryConditional(QueryConditional.sortGreaterThanOrEqualTo(
                Key.builder().partitionValue("T#1#members").sortValue("00050").build())).scanIndexForward(false).limit(2))
                .stream().flatMap(p -> p.items().stream()).collect(Collectors.toList());
        assertEquals(List.of(90L, 80L, 70L, 60L, 50L), top.stream().map(Member::getPoints).toList());

        assertEquals(10, t.scan().items().stream().count());
        List<Member> q = t.query(QueryConditional.keyEqualTo(Key.builder().partitionValue("T#1#member#m1").build())).items().stream().toList();
        assertEquals(1, q.size());

        DynamoDbTable<Coupon> ct = e.table("coupons" + UUID.randomUUID().toString().substring(0, 6), TableSchema.fromBean(Coupon.class));
        ct.createTable();
        ct.putItem(coupon("c0", 0));
        BatchWriteResult bw = e.batchWriteItem(b -> b.addWriteBatch(WriteBatch.builder(Coupon.class).mappedTableResource(ct)
                .addPutItem(coupon("c1", 1)).addPutItem(coupon("c2", 2)).addDeleteItem(Key.builder().partitionValue("T#1#coupon#c0").sortValue("C").build()).build()));
        assertTrue(bw.unprocessedPutItemsForTable(ct).isEmpty());
        BatchGetResultPageIterable bg = e.batchGetItem(b -> b.addReadBatch(ReadBatch.builder(Coupon.class).mappedTableResource(ct)
                .addGetItem(Key.builder().partitionValue("T#1#coupon#c1").sortValue("C").build())
                .addGetItem(Key.builder().partitionValue("T#1#coupon#c0").sortValue("C").build()).build()));
        assertEquals(List.of(1), bg.resultsForTable(ct).stream().map(Coupon::getValue).toList());
        t.putItem(member("b2", 2));

        e.transactWriteItems(b -> b.addPutItem(t, member("tx1", 5)).addUpdateItem(t, t.getItem(Key.builder().partitionValue("T#1#member#b2").sortValue("PROFILE").build())));
        assertNotNull(t.getItem(Key.builder().partitionValue("T#1#member#tx1").sortValue("PROFILE").build()));
        TransactionCanceledException ex = assertThrows(TransactionCanceledException.class, () -> e.transactWriteItems(b -> b
                .addPutItem(t, member("tx2", 5))
                .addConditionCheck(t, ConditionCheck.builder().key(Key.builder().partitionValue("T#1#member#m5").sortValue("PROFILE").build())
                        .conditionExpression(Expression.builder().expression("points > :p").expressionValues(Map.of(":p",
                                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN("1000"))).build()).build())));
        assertEquals(List.of("None", "ConditionalCheckFailed"), Clients.codes(ex));
        assertNull(t.getItem(Key.builder().partitionValue("T#1#member#tx2").sortValue("PROFILE").build()));
        t.deleteTable();
    }
}

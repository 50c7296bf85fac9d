package com.zhidian.coupons.store;

import static com.zhidian.core.aws.Items.key;
import static com.zhidian.core.aws.Items.n;
import static com.zhidian.core.aws.Items.num;
import static com.zhidian.core.aws.Items.s;
import static com.zhidian.core.aws.Items.str;

import com.zhidian.core.Env;
import com.zhidian.core.idempotency.IdempotencyClaim;
import com.zhidian.core.paging.Cursor;
import com.zhidian.core.paging.Page;
import com.zhidian.core.paging.Pages;
import com.zhidian.coupons.domain.Directory;
import com.zhidian.coupons.domain.IssueJob;
import com.zhidian.coupons.domain.IssueJobRepository;
import com.zhidian.coupons.domain.Slice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Issue jobs: the job item (progress, counts, lease, the walk's cursor) and its report lines, in one partition. */
public final class DynamoIssueJobs implements IssueJobRepository {
    private static final Map<String, String> COUNTERS = Map.of("issued", "issued", "limit_reached", "limitReached",
            "stock_out", "stockOut", "member_erased", "memberErased", "closed", "closed");

    private final DynamoDbClient db;
    private final String table = Env.tableName();

    public DynamoIssueJobs(DynamoDbClient db) {
        this.db = db;
    }

    @Override
    public void create(IssueJob j) {
        Map<String, AttributeValue> item = key(Keys.issueJob(j.tenantId(), j.jobId()), Keys.JOB_SK);
        item.put("tenantId", s(j.tenantId()));
        item.put("templateId", s(j.templateId()));
        item.put("jobId", s(j.jobId()));
        Directory.MemberFilter f = j.filter();
        if (f.storeId() != null) item.put("fStore", s(f.storeId()));
        if (f.minPoints() != null) item.put("fMin", n(f.minPoints()));
        if (f.maxPoints() != null) item.put("fMax", n(f.maxPoints()));
        if (f.joinedSince() != null) item.put("fSince", s(f.joinedSince().toString()));
        item.put("state", s(j.state()));
        item.put("candidates", n(j.candidates()));
        for (String c : List.of("examined", "matched", "issued", "limitReached", "stockOut", "memberErased", "closed")) item.put(c, n(0));
        item.put("createdAt", s(j.createdAt().toString()));
        item.put("updatedAt", s(j.createdAt().toString()));
        item.put("gsi2pk", s(Keys.UNFINISHED_JOBS));
        item.put("gsi2sk", s(Keys.at(j.createdAt(), j.tenantId() + "#" + j.jobId())));
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)")).build());
        int claimAt = IdempotencyClaim.appendTo(writes);
        try {
            db.transactWriteItems(b -> b.transactItems(writes));
        } catch (TransactionCanceledException e) {
            if (IdempotencyClaim.refused(e, claimAt)) throw IdempotencyClaim.taken();
            throw e;
        }
    }

    @Override
    public Optional<IssueJob> job(String tenantId, String jobId) {
        Map<String, AttributeValue> i = db.getItem(b -> b.tableName(table).key(key(Keys.issueJob(tenantId, jobId), Keys.JOB_SK))
                .consistentRead(true)).item();
        return i == null || i.isEmpty() ? Optional.empty() : Optional.of(job(i));
    }

    @Override
    public boolean lease(String tenantId, String jobId, Instant now, Instant until) {
        try {
            db.updateItem(b -> b.tableName(table).key(key(Keys.issueJob(tenantId, jobId), Keys.JOB_SK))
                    .updateExpression("SET leaseUntil = :until")
                    .conditionExpression("#st = :running AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)")
                    .expressionAttributeNames(Map.of("#st", "state"))
                    .expressionAttributeValues(Map.of(":until", s(until.toString()), ":now", s(now.toString()),
                            ":running", s(IssueJob.RUNNING))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public boolean refuse(String tenantId, String jobId, String memberId, String outcome) {
        try {
            db.transactWriteItems(b -> b.transactItems(lineWrites(table, tenantId, jobId, memberId, outcome, null)));
            return true;
        } catch (TransactionCanceledException e) {
            return false;
        }
    }

    /** The member's line (only if the member has none in the job yet) and the job's count of its outcome. */
    static List<TransactWriteItem> lineWrites(String table, String tenantId, String jobId, String memberId, String outcome, String code) {
        Map<String, AttributeValue> line = key(Keys.issueJob(tenantId, jobId), Keys.lineSk(memberId));
        line.put("memberId", s(memberId));
        line.put("outcome", s(outcome));
        if (code != null) line.put("code", s(code));
        String counter = COUNTERS.get(outcome);
        return List.of(
                TransactWriteItem.builder().put(p -> p.tableName(table).item(line).conditionExpression("attribute_not_exists(pk)")).build(),
                TransactWriteItem.builder().update(u -> u.tableName(table).key(key(Keys.issueJob(tenantId, jobId), Keys.JOB_SK))
                        .updateExpression("ADD " + counter + " :one").conditionExpression("attribute_exists(pk)")
                        .expressionAttributeValues(Map.of(":one", n(1)))).build());
    }

    @Override
    public void advance(String tenantId, String jobId, long examined, long matched, String cursor, Instant now, Instant lease) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":e", n(examined), ":m", n(matched), ":now", s(now.toString()),
                ":lease", s(lease.toString())));
        String update = "ADD examined :e, matched :m SET updatedAt = :now";
        if (cursor == null) {
            update += ", #st = :done, finishedAt = :now REMOVE leaseUntil, #cur, gsi2pk, gsi2sk";
            values.put(":done", s(IssueJob.DONE));
        } else {
            update += ", #cur = :cur REMOVE leaseUntil";
            values.put(":cur", s(cursor));
        }
        String expr = update;
        try {
            db.updateItem(b -> b.tableName(table).key(key(Keys.issueJob(tenantId, jobId), Keys.JOB_SK))
                    .updateExpression(expr).conditionExpression("leaseUntil = :lease")
                    .expressionAttributeNames(cursor == null ? Map.of("#st", "state", "#cur", "cursor") : Map.of("#cur", "cursor"))
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException e) {
            // the lease ran out and another step took the job over: its progress counts, not this one's
        }
    }

    @Override
    public Slice<IssueJob.Line> lines(String tenantId, String jobId, int limit, String cursor) {
        String pk = Keys.issueJob(tenantId, jobId);
        QueryResponse r = db.query(b -> b.tableName(table).keyConditionExpression("pk = :pk AND begins_with(sk, :l)")
                .expressionAttributeValues(Map.of(":pk", s(pk), ":l", s(Keys.LINE_PREFIX)))
                .limit(Pages.fetch(limit)).exclusiveStartKey(Cursor.decode(pk, cursor)));
        Page<IssueJob.Line> p = Pages.of(r, limit, pk, i -> new IssueJob.Line(str(i, "memberId"), str(i, "outcome"), str(i, "code")),
                "pk", "sk");
        return new Slice<>(p.items(), p.nextCursor());
    }

    @Override
    public List<IssueJob> unfinished(int limit) {
        QueryResponse r = db.query(b -> b.tableName(table).indexName("gsi2").keyConditionExpression("gsi2pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(Keys.UNFINISHED_JOBS))).limit(limit));
        List<IssueJob> out = new ArrayList<>();
        for (Map<String, AttributeValue> i : r.items()) {
            String tenantAndJob = str(i, "gsi2sk").substring(str(i, "gsi2sk").indexOf('#') + 1);
            int cut = tenantAndJob.lastIndexOf('#');
            job(tenantAndJob.substring(0, cut), tenantAndJob.substring(cut + 1)).ifPresent(out::add);
        }
        return out;
    }

    private static IssueJob job(Map<String, AttributeValue> i) {
        Directory.MemberFilter f = new Directory.MemberFilter(str(i, "fStore"), i.containsKey("fMin") ? num(i, "fMin") : null,
                i.containsKey("fMax") ? num(i, "fMax") : null, str(i, "fSince") == null ? null : Instant.parse(str(i, "fSince")));
        return new IssueJob(str(i, "tenantId"), str(i, "templateId"), str(i, "jobId"), f, str(i, "state"), num(i, "candidates"),
                num(i, "examined"), num(i, "matched"), new IssueJob.Outcomes(num(i, "issued"), num(i, "limitReached"),
                num(i, "stockOut"), num(i, "memberErased"), num(i, "closed")), str(i, "cursor"),
                Instant.parse(str(i, "createdAt")), Instant.parse(str(i, "updatedAt")),
                str(i, "finishedAt") == null ? null : Instant.parse(str(i, "finishedAt")));
    }
}

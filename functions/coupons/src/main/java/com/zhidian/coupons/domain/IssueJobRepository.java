package com.zhidian.coupons.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Issue jobs and their report lines. A line is written once per member and job (a step that runs again after a crash
 * finds the line and moves on), in the same transaction as its counter on the job; an issued coupon's line is written
 * in the coupon's own transaction ({@link CouponRepository#take(Template, Coupon, boolean, String)}).
 */
public interface IssueJobRepository {

    /** The new job, with the request's Idempotency-Key claim in the same write. */
    void create(IssueJob job);

    Optional<IssueJob> job(String tenantId, String jobId);

    /** Takes the job for one step until {@code until}; false when it is done or another step holds it. */
    boolean lease(String tenantId, String jobId, Instant now, Instant until);

    /** A refusal's line and its count; false when the member already has a line in this job. */
    boolean refuse(String tenantId, String jobId, String memberId, String outcome);

    /**
     * After a step that held the lease {@code lease}: the progress, where the next starts (null: the walk is through,
     * the job is done), lease given back. Nothing changes when the lease was lost meanwhile.
     */
    void advance(String tenantId, String jobId, long examined, long matched, String cursor, Instant now, Instant lease);

    Slice<IssueJob.Line> lines(String tenantId, String jobId, int limit, String cursor);

    /** Jobs not done yet, of every tenant, oldest first (the scheduled runner's work list). */
    List<IssueJob> unfinished(int limit);
}

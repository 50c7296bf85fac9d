package com.zhidian.coupons.application;

import com.zhidian.core.Ids;
import com.zhidian.core.Log;
import com.zhidian.coupons.domain.CouponErrors;
import com.zhidian.coupons.domain.Directory;
import com.zhidian.coupons.domain.IssueJob;
import com.zhidian.coupons.domain.IssueJobRepository;
import com.zhidian.coupons.domain.Slice;
import com.zhidian.coupons.domain.Template;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Issue to every member matching a filter, as a job run in steps (docs/decisions.md, "Coupons: issue to a filter").
 * The request creates the job and runs its first step; the scheduled runner ({@code coupons.jobs.IssueJobsRunner})
 * runs the steps of every unfinished job until each is through. A step leases the job, asks the members context for
 * the next page of members matching the filter, hands each one coupon (or writes why not) and moves the cursor on.
 * Each member's line is written once per job, in the coupon's own transaction, so a step that runs again after a
 * crash (or alongside a late one) never hands anyone a second coupon or counts anyone twice.
 */
public final class IssueJobs {
    /** Members looked at per step: a step's writes stay well within one request's time. */
    public static final int STEP = 100;
    static final Duration LEASE = Duration.ofMinutes(2);

    private final CouponService coupons;
    private final IssueJobRepository jobs;

    public IssueJobs(CouponService coupons, IssueJobRepository jobs) {
        this.coupons = coupons;
        this.jobs = jobs;
    }

    /** Creates the job (with the request's Idempotency-Key claim) and runs its first step. */
    public IssueJob start(String tenantId, String templateId, Directory.MemberFilter filter) {
        coupons.openTemplate(tenantId, templateId);
        if (filter.storeId() != null && !coupons.hasStore(tenantId, filter.storeId())) throw new CouponErrors.UnknownStore(filter.storeId());
        Instant now = coupons.now();
        long candidates = coupons.directory().candidates(tenantId, filter);
        IssueJob job = new IssueJob(tenantId, templateId, Ids.next("ij"), filter, IssueJob.RUNNING, candidates, 0, 0,
                IssueJob.Outcomes.NONE, null, now, now, null);
        jobs.create(job);
        step(tenantId, job.jobId());
        return job(tenantId, templateId, job.jobId());
    }

    public IssueJob job(String tenantId, String templateId, String jobId) {
        IssueJob j = jobs.job(tenantId, jobId).orElseThrow(() -> new CouponErrors.IssueJobNotFound(jobId));
        if (!j.templateId().equals(templateId)) throw new CouponErrors.IssueJobNotFound(jobId);
        return j;
    }

    public Slice<IssueJob.Line> report(String tenantId, String templateId, String jobId, int limit, String cursor) {
        job(tenantId, templateId, jobId);
        return jobs.lines(tenantId, jobId, limit, cursor);
    }

    /**
     * One step of the job, if no other step holds it: answers whether a step ran. A template stopped or ended meanwhile
     * is reported member by member as closed, so the job still ends with a line per matched member.
     */
    public boolean step(String tenantId, String jobId) {
        IssueJob j = jobs.job(tenantId, jobId).orElse(null);
        if (j == null || j.done()) return false;
        Instant now = coupons.now();
        Instant lease = now.plus(LEASE);
        if (!jobs.lease(tenantId, jobId, now, lease)) return false;
        j = jobs.job(tenantId, jobId).orElseThrow();
        Template t = coupons.stored(tenantId, j.templateId());
        Directory.Step s = coupons.directory().match(tenantId, j.filter(), STEP, j.cursor());
        for (Directory.Matched m : s.matched()) {
            if (t.stopped() || (t.validTo() != null && !coupons.now().isBefore(t.validTo()))) {
                jobs.refuse(tenantId, jobId, m.memberId(), CouponService.CLOSED);
            } else {
                coupons.issueForJob(t, m.memberId(), m.erased(), jobs, jobId);
            }
        }
        jobs.advance(tenantId, jobId, s.examined(), s.matched().size(), s.nextCursor(), coupons.now(), lease);
        return true;
    }

    /** The scheduled runner: steps of every unfinished job until none is left or {@code deadline} is near. */
    public int runUnfinished(Instant deadline) {
        int steps = 0;
        while (coupons.now().isBefore(deadline)) {
            List<IssueJob> open = jobs.unfinished(50);
            boolean any = false;
            for (IssueJob j : open) {
                if (!coupons.now().isBefore(deadline)) break;
                try {
                    if (step(j.tenantId(), j.jobId())) {
                        any = true;
                        steps++;
                    }
                } catch (RuntimeException e) {
                    // one job's failure (its lease runs out and a later run takes it again) does not stop the others
                    Log.warn("coupon issue step failed", Map.of("tenantId", j.tenantId(), "jobId", j.jobId(), "error", e.toString()));
                }
            }
            if (!any) break;
        }
        return steps;
    }
}

package com.zhidian.coupons.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.coupons.domain.Directory;
import com.zhidian.coupons.domain.IssueJob;
import com.zhidian.coupons.domain.Slice;
import com.zhidian.coupons.domain.Template;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Issue to a filter as a job: every outcome reported once, steps resumable, concurrent runners never double. */
class IssueJobsTest {
    static final Directory.MemberFilter ANY = new Directory.MemberFilter(null, null, null, null);

    @Test
    void eachMemberGetsOneLine_withTheReason() {
        Harness h = new Harness();
        Template t = h.template(3, 1, false);
        h.members.addAll(List.of("mb_a", "mb_b", "mb_c", "mb_d", "mb_e"));
        h.erased.add("mb_e");
        h.claim(t, "mb_a");
        IssueJob job = h.jobs.start(h.tenant, t.templateId(), ANY);
        assertTrue(job.done(), "five members fit in the request's first step");
        assertEquals(new IssueJob.Outcomes(2, 1, 1, 1, 0), job.outcomes());
        assertEquals(5, job.matched());
        assertEquals(100, job.percent());
        Map<String, String> lines = lines(h, job);
        assertEquals(Map.of("mb_a", "limit_reached", "mb_b", "issued", "mb_c", "issued", "mb_d", "stock_out", "mb_e", "member_erased"), lines);
        assertEquals(2, h.counts(t.templateId()).issued());
    }

    @Test
    void aStepRunAgain_changesNothing_andTheRunnerFinishes() {
        Harness h = new Harness();
        Template t = h.template(1000, 1, false);
        for (int i = 0; i < 250; i++) h.members.add("mb_" + i);
        IssueJob job = h.jobs.start(h.tenant, t.templateId(), ANY);
        assertEquals(IssueJob.RUNNING, job.state());
        assertEquals(100, job.examined());
        assertEquals(40, job.percent());
        // a step lost after its writes and before its progress: the same members again
        for (int i = 0; i < 100; i++) {
            assertEquals(CouponService.ALREADY_REPORTED, h.service.issueForJob(t, "mb_" + i, false, h.jobRepo, job.jobId()));
        }
        assertTrue(h.jobs.runUnfinished(Instant.now().plusSeconds(60)) >= 2);
        IssueJob done = h.jobs.job(h.tenant, t.templateId(), job.jobId());
        assertTrue(done.done());
        assertEquals(250, done.outcomes().issued());
        assertEquals(250, lines(h, done).size());
        assertEquals(250, h.counts(t.templateId()).issued());
    }

    @Test
    void aTemplateStoppedMidway_reportsTheRestAsClosed() {
        Harness h = new Harness();
        Template t = h.template(1000, 1, false);
        for (int i = 0; i < 150; i++) h.members.add("mb_" + i);
        IssueJob job = h.jobs.start(h.tenant, t.templateId(), ANY);
        assertEquals(100, job.outcomes().issued());
        h.service.stop(h.tenant, t.templateId());
        h.jobs.runUnfinished(Instant.now().plusSeconds(60));
        IssueJob done = h.jobs.job(h.tenant, t.templateId(), job.jobId());
        assertTrue(done.done());
        assertEquals(new IssueJob.Outcomes(100, 0, 0, 0, 50), done.outcomes());
        assertEquals(50, lines(h, done).values().stream().filter("closed"::equals).count());
    }

    /** Runners racing over the same jobs (an overlapping schedule): each member still gets exactly one line, stock holds. */
    @Property(tries = 5)
    void racingRunners_neverIssueTwice(@ForAll @IntRange(min = 1, max = 260) int members, @ForAll @IntRange(min = 1, max = 300) int stock)
            throws Exception {
        Harness h = new Harness();
        Template t = h.template(stock, 1, false);
        for (int i = 0; i < members; i++) h.members.add("mb_" + i);
        IssueJob job = h.jobs.start(h.tenant, t.templateId(), ANY);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> runs = List.of(
                    pool.submit(() -> h.jobs.runUnfinished(Instant.now().plusSeconds(60))),
                    pool.submit(() -> h.jobs.runUnfinished(Instant.now().plusSeconds(60))),
                    pool.submit(() -> h.jobs.runUnfinished(Instant.now().plusSeconds(60))));
            for (Future<Integer> f : runs) f.get();
        } finally {
            pool.shutdownNow();
        }
        while (h.jobs.step(h.tenant, job.jobId())) { /* a lease left by a lost race is given back by its step */ }
        IssueJob done = h.jobs.job(h.tenant, t.templateId(), job.jobId());
        assertTrue(done.done(), done::toString);
        Map<String, String> lines = lines(h, done);
        assertEquals(members, lines.size());
        long issued = lines.values().stream().filter("issued"::equals).count();
        assertEquals(Math.min(members, stock), issued);
        assertEquals(issued, done.outcomes().issued());
        assertEquals(members - issued, done.outcomes().stockOut());
        assertEquals(issued, h.counts(t.templateId()).issued());
    }

    private static Map<String, String> lines(Harness h, IssueJob job) {
        Map<String, String> out = new HashMap<>();
        String cursor = null;
        do {
            Slice<IssueJob.Line> s = h.jobs.report(h.tenant, job.templateId(), job.jobId(), 100, cursor);
            s.items().forEach(l -> out.put(l.memberId(), l.outcome()));
            cursor = s.nextCursor();
        } while (cursor != null);
        return out;
    }
}

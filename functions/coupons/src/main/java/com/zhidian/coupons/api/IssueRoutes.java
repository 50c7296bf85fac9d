package com.zhidian.coupons.api;

import static com.zhidian.core.auth.Role.OWNER;

import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Request;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.coupons.application.CouponService;
import com.zhidian.coupons.application.IssueJobs;
import com.zhidian.coupons.domain.Directory;
import com.zhidian.coupons.domain.IssueJob;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;

/** The owner's issue to every member matching a filter: started as a job (202), then its progress and report. */
final class IssueRoutes {
    static final long MAX_POINTS = 1_000_000_000_000L;

    private final CouponService service;
    private final IssueJobs issues;

    private IssueRoutes(CouponService service, IssueJobs issues) {
        this.service = service;
        this.issues = issues;
    }

    static void register(Routes routes, CouponService service, IssueJobs issues) {
        IssueRoutes i = new IssueRoutes(service, issues);
        routes.on("POST /coupon-templates/{templateId}/issues", Set.of(OWNER), i::start)
                .on("GET /coupon-templates/{templateId}/issues/{jobId}", Set.of(OWNER), i::read);
    }

    private Response start(Request r) {
        String templateId = r.pathId("templateId");
        Fields body = r.fields("filter");
        Fields f = body.requiredObject("filter", Set.of("storeId", "minPoints", "maxPoints", "joinedSince"));
        Directory.MemberFilter filter = null;
        if (f != null) {
            String store = f.optionalMatching("storeId", com.zhidian.core.http.Formats.ID, "must be a store id");
            Long min = f.optionalLong("minPoints", 0, MAX_POINTS);
            Long max = f.optionalLong("maxPoints", 0, MAX_POINTS);
            if (min != null && max != null && max < min) {
                f.reject("maxPoints", Fields.OUT_OF_RANGE, "must be between " + min + " and " + MAX_POINTS + " (at least minPoints)");
            }
            Instant since = instant(f, "joinedSince");
            if (since != null && since.isAfter(service.now())) f.reject("joinedSince", "must not be in the future");
            filter = new Directory.MemberFilter(store, min, max, since);
        }
        body.check();
        IssueJob job = issues.start(r.caller().tenantId(), templateId, filter);
        return Response.of(202, Views.issueJob(job, null, r.language()));
    }

    private Response read(Request r) {
        String tenant = r.caller().tenantId();
        String templateId = r.pathId("templateId");
        String jobId = r.pathId("jobId");
        IssueJob job = issues.job(tenant, templateId, jobId);
        return Response.ok(Views.issueJob(job, issues.report(tenant, templateId, jobId, r.limit(), r.query("cursor")), r.language()));
    }

    /** An ISO-8601 time with its offset ({@code 2026-12-01T00:00:00+08:00}). */
    private static Instant instant(Fields f, String field) {
        String s = f.optionalString(field, 1, 40);
        if (s == null) return null;
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            f.reject(field, Fields.INVALID_FORMAT, "must be an ISO-8601 time with an offset, like 2026-12-01T00:00:00+08:00");
            return null;
        }
    }
}

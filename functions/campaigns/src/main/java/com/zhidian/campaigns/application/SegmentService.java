package com.zhidian.campaigns.application;

import com.zhidian.campaigns.domain.MemberSummaries;
import com.zhidian.campaigns.domain.MemberSummary;
import com.zhidian.campaigns.domain.CampaignsErrors;
import com.zhidian.campaigns.domain.PushSettings;
import com.zhidian.campaigns.domain.Rule;
import com.zhidian.campaigns.domain.Segment;
import com.zhidian.campaigns.domain.SegmentRepository;
import com.zhidian.core.Ids;
import com.zhidian.core.paging.Page;
import com.zhidian.core.tenancy.TenantDirectory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;

/** Saved segments, their live counts, and the walk over a tenant's members that campaigns share. */
public final class SegmentService {
    private final SegmentRepository repo;
    private final MemberSummaries summaries;
    private final TenantDirectory tenants;
    private final Clock clock;

    public SegmentService(SegmentRepository repo, MemberSummaries summaries, TenantDirectory tenants, Clock clock) {
        this.repo = repo;
        this.summaries = summaries;
        this.tenants = tenants;
        this.clock = clock;
    }

    public Segment create(String tenantId, String name, String match, List<Rule> rules) {
        Segment s = new Segment(tenantId, Ids.next("sg"), name, match, rules, clock.instant());
        repo.create(s);
        return s;
    }

    public Segment get(String tenantId, String segmentId) {
        return repo.get(tenantId, segmentId).orElseThrow(() -> new CampaignsErrors.SegmentNotFound(segmentId));
    }

    /** The saved segment, or null. */
    public Segment findSaved(String tenantId, String segmentId) {
        return repo.get(tenantId, segmentId).orElse(null);
    }

    public Page<Segment> list(String tenantId, int limit, String cursor) {
        return repo.list(tenantId, limit, cursor);
    }

    /** How many members the criteria match now, and how many of those currently hold a marketing_push grant. */
    public record Count(long matching, long withPushGrant, boolean needsPersonalization) {}

    public Count preview(String tenantId, String match, List<Rule> rules) {
        Segment s = new Segment(tenantId, "preview", "preview", match, rules, clock.instant());
        long[] n = new long[2];
        forEachMatching(s, x -> {
            n[0]++;
            if (x.member().marketingPush()) n[1]++;
        });
        return new Count(n[0], n[1], s.usesPurchaseHistory());
    }

    /**
     * Calls {@code each} for every member the segment matches now, from the member summaries: one paged query of the
     * tenant's summary partition, evaluated in memory (a member the members' stream has not reported yet is left out).
     */
    public void forEachMatching(Segment s, Consumer<MemberSummary> each) {
        Instant now = clock.instant();
        ZoneId zone = zone(s.tenantId());
        // the purchase history (a JSON text a member) is read only when a rule counts it
        summaries.forEach(s.tenantId(), s.usesPurchaseHistory(), x -> {
            if (x.member() != null && s.matches(x.member(), x.profile(), now, zone)) each.accept(x);
        });
    }

    public PushSettings settings(String tenantId) {
        return repo.settings(tenantId).orElse(PushSettings.DEFAULT);
    }

    public PushSettings saveSettings(String tenantId, PushSettings s) {
        repo.saveSettings(tenantId, s);
        return s;
    }

    /** The tenant's time zone (quiet hours, birthdays), Asia/Shanghai when it has none. */
    public ZoneId zone(String tenantId) {
        TenantDirectory.Standing st = tenants.standing(tenantId);
        String z = st == null ? null : st.timeZone();
        try {
            return z == null ? ZoneId.of("Asia/Shanghai") : ZoneId.of(z);
        } catch (RuntimeException e) {
            return ZoneId.of("Asia/Shanghai");
        }
    }
}

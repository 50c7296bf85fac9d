package com.zhidian.campaigns.fakes;

import com.zhidian.campaigns.domain.AudienceMember;
import com.zhidian.campaigns.domain.CampaignRepository;
import com.zhidian.campaigns.domain.MemberSummaries;
import com.zhidian.campaigns.domain.MemberSummary;
import com.zhidian.campaigns.domain.Profile;
import com.zhidian.campaigns.domain.SegmentRepository;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The member summaries as a stream that has caught up would keep them: the fake audience's members (consent as the
 * test set it), the profiles and the contacts of the in-memory repositories, and the openids bound here.
 */
public final class FakeSummaries implements MemberSummaries {
    private final FakeAudience audience;
    private final SegmentRepository segments;
    private final CampaignRepository campaigns;
    public final Map<String, String> openIds = new HashMap<>();

    public FakeSummaries(FakeAudience audience, SegmentRepository segments, CampaignRepository campaigns) {
        this.audience = audience;
        this.segments = segments;
        this.campaigns = campaigns;
    }

    @Override
    public void forEach(String tenantId, Consumer<MemberSummary> each) {
        for (AudienceMember m : audience.page(tenantId, Integer.MAX_VALUE, null).members()) {
            Profile p = segments.profile(tenantId, m.memberId()).orElse(Profile.empty(tenantId, m.memberId()));
            each.accept(new MemberSummary(m, p, campaigns.contacts(tenantId, m.memberId()).times(), m.active(),
                    openIds.get(m.memberId())));
        }
    }

    @Override public void member(String t, String m, boolean active, String storeId, Instant createdAt, Integer month, boolean hasPhone) {}
    @Override public void consent(String t, String m, String purpose, boolean granted, Instant at) {}
    @Override public void points(String t, String m, long balance) {}
    /** The fake's summaries are the audience itself (a stream that has caught up): the backfill finds nothing to add. */
    @Override public void fill(String t, AudienceMember m, boolean hasPhone) {}
    @Override public void bindWeChat(String t, String m, String openId) { openIds.put(m, openId); }
}

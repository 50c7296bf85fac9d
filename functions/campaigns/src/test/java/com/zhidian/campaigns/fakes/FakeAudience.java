package com.zhidian.campaigns.fakes;

import com.zhidian.campaigns.domain.Audience;
import com.zhidian.campaigns.domain.AudienceMember;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Members with consents the test sets; every grant and withdrawal is kept with its time, to judge deliveries after. */
public final class FakeAudience implements Audience {
    public record Change(String memberId, boolean granted, Instant at) {}

    private final Map<String, AudienceMember> members = new LinkedHashMap<>();
    public final List<Change> history = new ArrayList<>();
    private final Clock clock;

    public FakeAudience(Clock clock) {
        this.clock = clock;
    }

    public synchronized void put(AudienceMember m) {
        members.put(m.memberId(), m);
    }

    public synchronized void setPush(String memberId, boolean granted) {
        AudienceMember m = members.get(memberId);
        members.put(memberId, new AudienceMember(m.memberId(), m.active(), m.storeId(), m.createdAt(), m.birthdayMonth(),
                m.pointsBalance(), granted, true, m.personalization()));
        history.add(new Change(memberId, granted, clock.instant()));
    }

    public synchronized void erase(String memberId) {
        AudienceMember m = members.get(memberId);
        members.put(memberId, new AudienceMember(m.memberId(), false, m.storeId(), m.createdAt(), null, 0, false, true, false));
        history.add(new Change(memberId, false, clock.instant()));
    }

    @Override
    public synchronized Slice page(String tenantId, int limit, String cursor) {
        return new Slice(List.copyOf(members.values()), null);
    }

    @Override
    public synchronized Optional<AudienceMember> member(String tenantId, String memberId) {
        return Optional.ofNullable(members.get(memberId));
    }

    @Override
    public synchronized com.zhidian.campaigns.domain.ChannelSender.Recipient recipient(String tenantId, String memberId) {
        AudienceMember m = members.get(memberId);
        return new com.zhidian.campaigns.domain.ChannelSender.Recipient(memberId, m == null || !m.active() ? null : "+86138" + String.format("%08d",
                Math.abs(memberId.hashCode()) % 100_000_000), null);
    }

    @Override
    public synchronized void unsubscribe(String tenantId, String memberId) {
        setPush(memberId, false);
    }
}

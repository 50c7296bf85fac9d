package com.zhidian.campaigns.application;

import com.zhidian.campaigns.domain.Audience;
import com.zhidian.campaigns.domain.AudienceMember;
import com.zhidian.core.paging.Page;
import com.zhidian.members.application.MemberService;
import com.zhidian.members.application.PointsService;
import com.zhidian.members.domain.Consent;
import com.zhidian.members.domain.Member;
import com.zhidian.members.domain.MembersErrors;
import java.util.List;
import java.util.Optional;

/**
 * The audience over the members context's use cases (never its keys): members page by page, each with its points
 * balance and its consents as they are at the moment of the call.
 */
public final class MembersAudience implements Audience {
    private final MemberService members;
    private final PointsService points;

    public MembersAudience(MemberService members, PointsService points) {
        this.members = members;
        this.points = points;
    }

    @Override
    public Slice page(String tenantId, int limit, String cursor) {
        Page<Member> page = members.list(tenantId, limit, cursor);
        return new Slice(page.items().stream().map(this::view).toList(), page.nextCursor());
    }

    @Override
    public com.zhidian.campaigns.domain.ChannelSender.Recipient recipient(String tenantId, String memberId) {
        try {
            var m = members.get(tenantId, memberId);
            // the mini-program's openid is not kept by the members context yet: WeChat cannot reach a member until it is
            return new com.zhidian.campaigns.domain.ChannelSender.Recipient(memberId, m.active() ? m.phone() : null, null);
        } catch (MembersErrors.MemberNotFound e) {
            return new com.zhidian.campaigns.domain.ChannelSender.Recipient(memberId, null, null);
        }
    }

    /**
     * One batch read through the members' use case: the records and the current {@code marketing_push} answers (the
     * rules at delivery need no points, birthday or personalization, so those are left at nothing here).
     */
    @Override
    public java.util.Map<String, Now> now(String tenantId, java.util.Collection<String> memberIds) {
        java.util.Map<String, Now> out = new java.util.HashMap<>();
        var found = members.reach(tenantId, memberIds, Consent.Purpose.MARKETING_PUSH);
        for (String id : memberIds) {
            var r = found.get(id);
            if (r == null) {
                out.put(id, new Now(null, null));
                continue;
            }
            Member m = r.member();
            Consent.State push = m.active() ? r.consent() : Consent.State.never(Consent.Purpose.MARKETING_PUSH);
            out.put(id, new Now(new AudienceMember(id, m.active(), m.storeId(), m.createdAt(), null, 0, push.granted(),
                    push.at() != null, false), m.active() ? m.phone() : null));
        }
        return out;
    }

    @Override
    public Optional<AudienceMember> member(String tenantId, String memberId) {
        try {
            return Optional.of(view(members.get(tenantId, memberId)));
        } catch (MembersErrors.MemberNotFound e) {
            return Optional.empty();
        }
    }

    @Override
    public void unsubscribe(String tenantId, String memberId) {
        members.setConsent(tenantId, memberId, Consent.Purpose.MARKETING_PUSH, false, Consent.Channel.UNSUBSCRIBE_LINK,
                null, "customer");
    }

    @Override
    public Optional<java.time.Instant> withdrawnByLinkAt(String tenantId, String memberId) {
        try {
            Consent.State push = state(members.consents(tenantId, memberId), Consent.Purpose.MARKETING_PUSH);
            return !push.granted() && push.channel() == Consent.Channel.UNSUBSCRIBE_LINK ? Optional.ofNullable(push.at()) : Optional.empty();
        } catch (MembersErrors.MemberNotFound e) {
            return Optional.empty();
        }
    }

    @Override
    public void resubscribe(String tenantId, String memberId) {
        members.setConsent(tenantId, memberId, Consent.Purpose.MARKETING_PUSH, true, Consent.Channel.UNSUBSCRIBE_LINK,
                null, "customer");
    }

    private AudienceMember view(Member m) {
        boolean active = m.active();
        List<Consent.State> consents = active ? members.consents(m.tenantId(), m.memberId()) : List.of();
        Consent.State push = state(consents, Consent.Purpose.MARKETING_PUSH);
        Consent.State personal = state(consents, Consent.Purpose.PERSONALIZATION);
        long balance = active ? points.view(m.tenantId(), m.memberId()).balance() : 0;
        Integer month = m.birthday() != null && m.birthday().length() >= 7 ? Integer.valueOf(m.birthday().substring(5, 7)) : null;
        return new AudienceMember(m.memberId(), active, m.storeId(), m.createdAt(), month, balance,
                push.granted(), push.at() != null, personal.granted());
    }

    private static Consent.State state(List<Consent.State> all, Consent.Purpose p) {
        return all.stream().filter(s -> s.purpose() == p).findFirst().orElse(Consent.State.never(p));
    }
}

package com.zhidian.campaigns.application;

import com.zhidian.campaigns.domain.Audience;
import com.zhidian.campaigns.domain.CampaignRepository;
import com.zhidian.campaigns.domain.CampaignsErrors;
import com.zhidian.campaigns.domain.Message;
import com.zhidian.core.paging.Page;
import java.time.Clock;

/** The customer's message centre: messages newest first, the unread count, read marks, one-tap unsubscribe. */
public final class MessageCentre {
    private final CampaignRepository repo;
    private final Audience audience;
    private final UnsubscribeLinks links;
    private final Clock clock;

    public MessageCentre(CampaignRepository repo, Audience audience, UnsubscribeLinks links, Clock clock) {
        this.repo = repo;
        this.audience = audience;
        this.links = links;
        this.clock = clock;
    }

    public Page<Message> messages(String tenantId, String memberId, int limit, String cursor) {
        return repo.messages(tenantId, memberId, limit, cursor);
    }

    public long unread(String tenantId, String memberId) {
        return repo.unread(tenantId, memberId);
    }

    public Message markRead(String tenantId, String memberId, String messageId) {
        Message m = repo.message(tenantId, memberId, messageId).orElseThrow(() -> new CampaignsErrors.MessageNotFound(messageId));
        if (m.readAt() != null) return m;
        java.time.Instant now = clock.instant();
        repo.markRead(tenantId, memberId, messageId, now);
        repo.mark(tenantId, m.campaignId(), memberId, com.zhidian.campaigns.domain.Outcome.READ, now);
        return repo.message(tenantId, memberId, messageId).orElse(m);
    }

    /**
     * The one-tap unsubscribe: a token signed for this member of this tenant withdraws its {@code marketing_push}
     * grant (shown in the consent history as channel {@code unsubscribe_link}); a forged token or one made for
     * another member changes nothing.
     */
    public UnsubscribeLinks.Target unsubscribe(String tenantId, String memberId, String token) {
        UnsubscribeLinks.Target target = links.verify(token);
        if (!target.tenantId().equals(tenantId) || !target.memberId().equals(memberId)) {
            throw new CampaignsErrors.BadUnsubscribeLink();
        }
        audience.unsubscribe(tenantId, memberId);
        repo.mark(tenantId, target.campaignId(), memberId, com.zhidian.campaigns.domain.Outcome.UNSUBSCRIBED, clock.instant());
        return target;
    }

    /** How long the public unsubscribe page offers its undo. */
    public static final java.time.Duration UNDO_WINDOW = java.time.Duration.ofMinutes(5);

    /** What the public unsubscribe page shows: the purpose withdrawn, when, and until when it can be undone. */
    public record LinkUnsubscribe(UnsubscribeLinks.Target target, java.time.Instant withdrawnAt, java.time.Instant undoUntil) {}

    /**
     * The SMS link's one tap, with no sign-in: the signed token alone names tenant, member and campaign; a forged one
     * changes nothing. Tapping again keeps the first withdrawal's time.
     */
    public LinkUnsubscribe unsubscribeByLink(String token) {
        UnsubscribeLinks.Target target = links.verify(token);
        java.time.Instant at = audience.withdrawnByLinkAt(target.tenantId(), target.memberId()).orElse(null);
        if (at == null) {
            audience.unsubscribe(target.tenantId(), target.memberId());
            at = audience.withdrawnByLinkAt(target.tenantId(), target.memberId()).orElse(clock.instant());
        }
        repo.mark(target.tenantId(), target.campaignId(), target.memberId(), com.zhidian.campaigns.domain.Outcome.UNSUBSCRIBED, at);
        return new LinkUnsubscribe(target, at, at.plus(UNDO_WINDOW));
    }

    /** The page's undo, within {@link #UNDO_WINDOW} of the link's withdrawal: marketing_push granted again, in the history. */
    public UnsubscribeLinks.Target undoUnsubscribe(String token) {
        UnsubscribeLinks.Target target = links.verify(token);
        java.time.Instant at = audience.withdrawnByLinkAt(target.tenantId(), target.memberId())
                .orElseThrow(CampaignsErrors.UndoExpired::new);
        if (clock.instant().isAfter(at.plus(UNDO_WINDOW))) throw new CampaignsErrors.UndoExpired();
        audience.resubscribe(target.tenantId(), target.memberId());
        return target;
    }

    /** A channel's outbox, newest first, each message with its masked recipient and how it went (the outbox page). */
    public Page<CampaignRepository.OutboxEntry> outbox(String tenantId, String channel, int limit, String cursor) {
        return repo.outboxEntries(tenantId, channel, limit, cursor);
    }
}

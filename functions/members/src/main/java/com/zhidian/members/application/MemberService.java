package com.zhidian.members.application;

import com.zhidian.core.Ids;
import com.zhidian.core.Log;
import com.zhidian.core.errors.ApiException;
import com.zhidian.core.errors.DomainException;
import com.zhidian.core.paging.Page;
import com.zhidian.members.domain.CardNumbers;
import com.zhidian.members.domain.Consent;
import com.zhidian.members.domain.CustomerLogins;
import com.zhidian.members.domain.LedgerEntry;
import com.zhidian.members.domain.Member;
import com.zhidian.members.domain.MemberRepository;
import com.zhidian.members.domain.MembersErrors;
import com.zhidian.members.domain.PendingPoints;
import com.zhidian.members.domain.PointsAccount;
import com.zhidian.members.domain.PointsRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Members: joining, lookup, profile, consent and the member's data rights (export, erasure).
 *
 * <p>Joining writes two systems, DynamoDB and the Cognito user pool, as one step: <b>DynamoDB first</b>
 * (member, phone claim, card claim, points account, consents in one transaction: a taken phone stops
 * everything before Cognito is touched), <b>then the login</b>; if the login cannot be created the
 * DynamoDB items are deleted again and the call fails, so nothing is left half-written. A login that
 * already exists under the username while the phone claim now names our member can only be an orphan
 * (an earlier erasure whose login removal failed) and is replaced.
 */
public final class MemberService {
    private final MemberRepository members;
    private final PointsRepository points;
    private final PointsService pointsService;
    private final CustomerLogins logins;
    private final Clock clock;

    public MemberService(MemberRepository members, PointsRepository points, PointsService pointsService,
                         CustomerLogins logins, Clock clock) {
        this.members = members;
        this.points = points;
        this.pointsService = pointsService;
        this.logins = logins;
        this.clock = clock;
    }

    public record NewMember(String phone, String name, String birthday, String storeId,
                            Map<Consent.Purpose, Boolean> consents, Consent.Channel channel, String actorRole) {}

    public record Joined(Member member, List<Consent.State> consents) {}

    public Joined join(String tenantId, NewMember in) {
        return join(tenantId, in, null);
    }

    /**
     * As {@link #join(String, NewMember)}; {@code answerKey} names the stored answer of the request's
     * Idempotency-Key (null without one), which holds the new member's personal data until erasure overwrites it.
     */
    public Joined join(String tenantId, NewMember in, String answerKey) {
        Instant now = clock.instant();
        Member m = new Member(tenantId, Ids.next("mb"), in.phone(), in.name(), in.birthday(), CardNumbers.next(),
                in.storeId(), Member.ACTIVE, now, now, null);
        List<Consent.State> states = new ArrayList<>();
        List<Consent.Event> events = new ArrayList<>();
        for (Consent.Purpose p : Consent.Purpose.values()) {
            Boolean granted = in.consents() == null ? null : in.consents().get(p);
            if (granted == null) {
                states.add(Consent.State.never(p));
                continue;
            }
            states.add(new Consent.State(p, granted, now, in.channel(), Consent.CURRENT_TEXT_VERSION));
            events.add(new Consent.Event(Ids.next("ce"), p, granted, now, in.channel(), Consent.CURRENT_TEXT_VERSION, in.actorRole()));
        }
        PointsAccount opened = PointsAccount.opened(tenantId, m.memberId());
        members.create(m, opened, pointsService.planWelcome(opened, in.storeId(), now), states, events);
        try {
            if (answerKey != null) rememberAnswer(tenantId, m.memberId(), answerKey);
            logins.create(tenantId, m.phone(), m.memberId());
        } catch (RuntimeException e) {
            Log.warn("member login (or its answer reference) failed; undoing the member", Map.of("tenantId", tenantId, "memberId", m.memberId(), "error", e.toString()));
            members.undoCreate(m);
            if (e instanceof ApiException || e instanceof DomainException) throw e;
            throw ApiException.unavailable("the member's login could not be created; nothing was saved, retry");
        }
        return new Joined(m, states);
    }

    /**
     * A customer who signed themself up and proved the phone with a code (the PostConfirmation trigger): a new member
     * with the consent choices they made, on the H5 channel. A phone that is already a member's (joined at the counter,
     * and its login lost) gets that membership back, consents unchanged: one person, one membership.
     */
    public Joined signedUp(String tenantId, String phone, String storeId, Map<Consent.Purpose, Boolean> consents) {
        Optional<Member> existing = byPhone(tenantId, phone).filter(Member::active);
        if (existing.isPresent()) {
            logins.create(tenantId, phone, existing.get().memberId());
            return new Joined(existing.get(), consents(tenantId, existing.get().memberId()));
        }
        return join(tenantId, new NewMember(phone, null, null, storeId, consents, Consent.Channel.H5, "customer"));
    }

    public Member get(String tenantId, String memberId) {
        return members.get(tenantId, memberId).orElseThrow(() -> MembersErrors.memberNotFound(memberId));
    }

    /** A member the customer may still act as: an erased membership is gone for its former owner. */
    public Member self(String tenantId, String memberId) {
        Member m = get(tenantId, memberId);
        if (!m.active()) throw MembersErrors.memberNotFound(memberId);
        return m;
    }

    public Optional<Member> byPhone(String tenantId, String phone) {
        return members.idByPhone(tenantId, phone).flatMap(id -> members.get(tenantId, id));
    }

    /** The member a physical card names (a cashier scans or types the card number). */
    public Optional<Member> byCard(String tenantId, String cardNo) {
        return members.idByCard(tenantId, cardNo).flatMap(id -> members.get(tenantId, id));
    }

    public Page<Member> list(String tenantId, int limit, String cursor) {
        return members.list(tenantId, limit, cursor);
    }

    /** Changes name and/or birthday; a field left out stays, an explicit null clears it. */
    public Member update(String tenantId, String memberId, Map<String, String> changes) {
        Member m = get(tenantId, memberId);
        if (!m.active()) throw new MembersErrors.MemberErased();
        return members.update(tenantId, memberId, changes, clock.instant()).orElseThrow(MembersErrors.MemberErased::new);
    }

    public List<Consent.State> consents(String tenantId, String memberId) {
        return members.consents(tenantId, memberId);
    }

    /** Grant or withdrawal, one call each; answering the same again changes nothing and records nothing. */
    public Consent.State setConsent(String tenantId, String memberId, Consent.Purpose purpose, boolean granted,
                                    Consent.Channel channel, String textVersion, String actorRole) {
        self(tenantId, memberId);
        Consent.State current = members.consents(tenantId, memberId).stream().filter(s -> s.purpose() == purpose)
                .findFirst().orElse(Consent.State.never(purpose));
        String version = textVersion == null ? Consent.CURRENT_TEXT_VERSION : textVersion;
        if (current.at() != null && current.granted() == granted && version.equals(current.textVersion())) return current;
        Instant now = clock.instant();
        Consent.State next = new Consent.State(purpose, granted, now, channel, version);
        members.recordConsent(tenantId, memberId, next,
                new Consent.Event(Ids.next("ce"), purpose, granted, now, channel, version, actorRole));
        return next;
    }

    public Page<Consent.Event> consentHistory(String tenantId, String memberId, int limit, String cursor) {
        get(tenantId, memberId);
        return members.consentHistory(tenantId, memberId, limit, cursor);
    }

    /** The JSON body a stored answer about a member is overwritten with once the member is erased. */
    @FunctionalInterface
    public interface ErasedView {
        String body(Member erased, List<Consent.State> consents);
    }

    /**
     * The rails keep a stored Idempotency-Key answer 24 hours (Idempotency.KEEP_SECONDS); its reference on the
     * member is kept a little longer so that it never expires first.
     */
    static final Duration ANSWER_KEEP = Duration.ofHours(25);

    /** Remembers that a stored Idempotency-Key answer shows this member, so that erasure overwrites it too. */
    public void rememberAnswer(String tenantId, String memberId, String answerKey) {
        members.rememberAnswer(tenantId, memberId, answerKey, clock.instant().plus(ANSWER_KEEP));
    }

    /**
     * Erasure (PIPL Art. 47): phone, name and birthday are removed, consents withdrawn, the login deleted, and
     * every stored Idempotency-Key answer that showed the member is overwritten with {@code view} of the erased
     * member. Kept: the member id, card number, join store and dates, the points account and every ledger entry,
     * so that ledger sums and order totals stay right.
     *
     * <p>Order matters because the login (Cognito) and the member (DynamoDB) cannot share a transaction:
     * <ol>
     * <li>the login is deleted first (a missing one is fine): when the user pool is down, nothing has changed
     * yet and the call fails (503); once the member is erased, its login is already gone, and the login's
     * username (the phone) is no longer known afterwards, so it could not be found later;</li>
     * <li>the member is anonymised in one transaction; if that fails the login is gone but the member is
     * untouched and still active, and repeating the call finishes it;</li>
     * <li>stored answers are overwritten after the transaction, on every call, also for a member erased
     * before: a failure there is the caller's 503 (not swallowed), and repeating the call finishes it.</li>
     * </ol>
     */
    public void erase(String tenantId, String memberId, ErasedView view) {
        Member m = get(tenantId, memberId);
        if (m.active()) {
            logins.delete(tenantId, m.phone());
            Instant now = clock.instant();
            List<Consent.State> withdrawn = new ArrayList<>();
            List<Consent.Event> events = new ArrayList<>();
            for (Consent.State s : members.consents(tenantId, memberId)) {
                withdrawn.add(new Consent.State(s.purpose(), false, now, Consent.Channel.ERASURE, s.textVersion()));
                if (s.granted()) {
                    events.add(new Consent.Event(Ids.next("ce"), s.purpose(), false, now, Consent.Channel.ERASURE,
                            s.textVersion() == null ? Consent.CURRENT_TEXT_VERSION : s.textVersion(), "system"));
                }
            }
            members.erase(m.anonymised(now), m.phone(), withdrawn, events);
        }
        List<String> answers = members.answerKeys(tenantId, memberId);
        if (answers.isEmpty()) return;
        String body = view.body(get(tenantId, memberId), members.consents(tenantId, memberId));
        for (String answerKey : answers) members.overwriteAnswer(answerKey, body);
    }

    /** Everything Zhidian holds on the member (PIPL Art. 45). */
    public record Export(Instant generatedAt, Member member, PointsService.View points, List<LedgerEntry> ledger,
                         List<PendingPoints> pendingPoints, List<Consent.State> consents, List<Consent.Event> consentHistory) {}

    public Export export(String tenantId, String memberId) {
        Member m = self(tenantId, memberId);
        List<LedgerEntry> ledger = new ArrayList<>();
        String cursor = null;
        do {
            Page<LedgerEntry> page = points.ledger(tenantId, memberId, 200, cursor);
            ledger.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        List<Consent.Event> history = new ArrayList<>();
        cursor = null;
        do {
            Page<Consent.Event> page = members.consentHistory(tenantId, memberId, 200, cursor);
            history.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return new Export(clock.instant(), m, pointsService.view(tenantId, memberId), ledger,
                points.openPending(tenantId, memberId), members.consents(tenantId, memberId), history);
    }

    // ---- campaigns' delivery: many members at once ----

    /**
     * The members and their current answer for {@code purpose}, read at once at the moment of a delivery (campaigns
     * decides each message on it): one batch read, strongly consistent. Members the tenant does not have are absent.
     */
    public java.util.Map<String, MemberRepository.Reach> reach(String tenantId, java.util.Collection<String> memberIds,
                                                               Consent.Purpose purpose) {
        return members.reach(tenantId, memberIds, purpose);
    }
}

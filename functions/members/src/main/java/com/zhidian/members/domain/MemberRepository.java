package com.zhidian.members.domain;

import com.zhidian.core.paging.Page;
import java.util.List;
import java.util.Optional;

/** Where members and their consents live. */
public interface MemberRepository {

    /**
     * Writes the member, its phone and card claims, its empty points account and its first consent answers
     * in one transaction; a phone already taken in the tenant is {@link MembersErrors.PhoneTaken}.
     */
    /** The member with its points account, opened as it is or with {@code welcome} (nullable) already credited. */
    void create(Member member, PointsAccount account, PointsChange welcome, List<Consent.State> consents, List<Consent.Event> events);

    /** The member with its points account as opened (no welcome gift). */
    default void create(Member member, PointsAccount account, List<Consent.State> consents, List<Consent.Event> events) {
        create(member, account, null, consents, events);
    }

    /**
     * Remembers that the stored answer of an Idempotency-Key ({@code answerKey}, the key of its record) holds
     * this member's personal data, so that erasure can overwrite it; kept until {@code keepUntil}.
     */
    void rememberAnswer(String tenantId, String memberId, String answerKey, java.time.Instant keepUntil);

    /** The stored answers remembered for this member. */
    List<String> answerKeys(String tenantId, String memberId);

    /** Replaces the body of a stored answer, if the answer still exists (an expired or forgotten one is fine). */
    void overwriteAnswer(String answerKey, String body);

    /** Removes what {@link #create} wrote, when the login that belongs with it could not be made. */
    void undoCreate(Member member);

    Optional<Member> get(String tenantId, String memberId);

    Optional<String> idByPhone(String tenantId, String phone);

    Optional<String> idByCard(String tenantId, String cardNo);

    /** Members newest first. */
    Page<Member> list(String tenantId, int limit, String cursor);

    /**
     * Sets (or, for a null value, removes) the given profile fields of an active member, only those, so two
     * concurrent changes of different fields both stay; empty when there is no such active member.
     */
    Optional<Member> update(String tenantId, String memberId, java.util.Map<String, String> changes, java.time.Instant at);

    /**
     * In one transaction: the anonymised record, release of the phone claim, every consent withdrawn (with
     * its history event), and the points account closed. The ledger stays as it is.
     */
    void erase(Member anonymised, String formerPhone, List<Consent.State> withdrawn, List<Consent.Event> events);

    List<Consent.State> consents(String tenantId, String memberId);

    void recordConsent(String tenantId, String memberId, Consent.State state, Consent.Event event);

    /** Newest first. */
    Page<Consent.Event> consentHistory(String tenantId, String memberId, int limit, String cursor);

    // ---- campaigns' delivery: many members at once ----

    /** One member as a delivery needs it now: the record (null when none) and its current answer for one purpose. */
    record Reach(Member member, Consent.State consent) {}

    /** {@link #get} and the current consent for {@code purpose} of many members, read at once (absent: no such member). */
    default java.util.Map<String, Reach> reach(String tenantId, java.util.Collection<String> memberIds, Consent.Purpose purpose) {
        java.util.Map<String, Reach> out = new java.util.HashMap<>();
        for (String id : memberIds) {
            get(tenantId, id).ifPresent(m -> out.put(id, new Reach(m, consents(tenantId, id).stream()
                    .filter(c -> c.purpose() == purpose).findFirst().orElse(Consent.State.never(purpose)))));
        }
        return out;
    }
}

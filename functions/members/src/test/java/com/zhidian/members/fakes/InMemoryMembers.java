package com.zhidian.members.fakes;

import com.zhidian.core.paging.Page;
import com.zhidian.members.domain.Consent;
import com.zhidian.members.domain.Member;
import com.zhidian.members.domain.MemberRepository;
import com.zhidian.members.domain.MembersErrors;
import com.zhidian.members.domain.PointsAccount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class InMemoryMembers implements MemberRepository {
    private final InMemoryPoints points;
    private final Map<String, Member> members = new HashMap<>();
    private final Map<String, String> phones = new HashMap<>();
    private final Map<String, Map<Consent.Purpose, Consent.State>> consents = new HashMap<>();
    private final Map<String, List<Consent.Event>> history = new HashMap<>();
    private final Map<String, List<String>> answerKeys = new HashMap<>();
    /** Stand-in for the rails' stored answers: record key → body. */
    public final Map<String, String> storedAnswers = new HashMap<>();
    public volatile boolean failNextErase;
    public volatile boolean failOverwrites;

    public InMemoryMembers(InMemoryPoints points) {
        this.points = points;
    }

    private static String k(String t, String m) { return t + "/" + m; }

    @Override
    public synchronized void create(Member m, PointsAccount account, com.zhidian.members.domain.PointsChange welcome, List<Consent.State> cs, List<Consent.Event> events) {
        if (phones.containsKey(k(m.tenantId(), m.phone()))) throw new MembersErrors.PhoneTaken();
        phones.put(k(m.tenantId(), m.phone()), m.memberId());
        members.put(k(m.tenantId(), m.memberId()), m);
        points.open(account);
        if (welcome != null) points.commit(welcome);
        Map<Consent.Purpose, Consent.State> map = new EnumMap<>(Consent.Purpose.class);
        cs.stream().filter(c -> c.at() != null).forEach(c -> map.put(c.purpose(), c));
        consents.put(k(m.tenantId(), m.memberId()), map);
        history.put(k(m.tenantId(), m.memberId()), new ArrayList<>(events));
    }

    @Override
    public synchronized void undoCreate(Member m) {
        phones.remove(k(m.tenantId(), m.phone()), m.memberId());
        members.remove(k(m.tenantId(), m.memberId()));
        consents.remove(k(m.tenantId(), m.memberId()));
        history.remove(k(m.tenantId(), m.memberId()));
        answerKeys.remove(k(m.tenantId(), m.memberId()));
        points.remove(m.tenantId(), m.memberId());
    }

    @Override
    public synchronized void rememberAnswer(String tenantId, String memberId, String answerKey, java.time.Instant keepUntil) {
        answerKeys.computeIfAbsent(k(tenantId, memberId), x -> new ArrayList<>()).add(answerKey);
    }

    @Override
    public synchronized List<String> answerKeys(String tenantId, String memberId) {
        return List.copyOf(answerKeys.getOrDefault(k(tenantId, memberId), List.of()));
    }

    @Override
    public synchronized void overwriteAnswer(String answerKey, String body) {
        if (failOverwrites) throw new IllegalStateException("dynamodb is down");
        storedAnswers.computeIfPresent(answerKey, (key, old) -> body);
    }

    public synchronized int count() { return members.size(); }

    @Override
    public synchronized Optional<Member> get(String tenantId, String memberId) {
        return Optional.ofNullable(members.get(k(tenantId, memberId)));
    }

    @Override
    public synchronized Optional<String> idByPhone(String tenantId, String phone) {
        return Optional.ofNullable(phones.get(k(tenantId, phone)));
    }

    @Override
    public synchronized Optional<String> idByCard(String tenantId, String cardNo) {
        return members.values().stream().filter(m -> m.tenantId().equals(tenantId) && m.cardNo().equals(cardNo))
                .map(Member::memberId).findFirst();
    }

    @Override
    public synchronized Page<Member> list(String tenantId, int limit, String cursor) {
        List<Member> all = members.values().stream().filter(m -> m.tenantId().equals(tenantId))
                .sorted(Comparator.comparing(Member::createdAt).reversed()).toList();
        int from = cursor == null ? 0 : Integer.parseInt(cursor);
        int to = Math.min(all.size(), from + limit);
        return new Page<>(all.subList(from, to), to < all.size() ? Integer.toString(to) : null);
    }

    @Override
    public synchronized Optional<Member> update(String t, String id, Map<String, String> changes, java.time.Instant at) {
        Member cur = members.get(k(t, id));
        if (cur == null || !cur.active()) return Optional.empty();
        Member m = cur.withProfile(changes.containsKey("name") ? changes.get("name") : cur.name(),
                changes.containsKey("birthday") ? changes.get("birthday") : cur.birthday(), at);
        members.put(k(t, id), m);
        return Optional.of(m);
    }

    @Override
    public synchronized void erase(Member anonymised, String formerPhone, List<Consent.State> withdrawn, List<Consent.Event> events) {
        if (failNextErase) {
            failNextErase = false;
            throw new IllegalStateException("dynamodb is down");
        }
        String key = k(anonymised.tenantId(), anonymised.memberId());
        members.put(key, anonymised);
        phones.remove(k(anonymised.tenantId(), formerPhone), anonymised.memberId());
        withdrawn.forEach(c -> consents.get(key).put(c.purpose(), c));
        history.get(key).addAll(events);
        points.close(anonymised.tenantId(), anonymised.memberId());
    }

    @Override
    public synchronized List<Consent.State> consents(String tenantId, String memberId) {
        Map<Consent.Purpose, Consent.State> map = consents.getOrDefault(k(tenantId, memberId), Map.of());
        List<Consent.State> out = new ArrayList<>();
        for (Consent.Purpose p : Consent.Purpose.values()) out.add(map.getOrDefault(p, Consent.State.never(p)));
        return out;
    }

    @Override
    public synchronized void recordConsent(String tenantId, String memberId, Consent.State state, Consent.Event event) {
        consents.computeIfAbsent(k(tenantId, memberId), x -> new EnumMap<>(Consent.Purpose.class)).put(state.purpose(), state);
        history.computeIfAbsent(k(tenantId, memberId), x -> new ArrayList<>()).add(event);
    }

    @Override
    public synchronized Page<Consent.Event> consentHistory(String tenantId, String memberId, int limit, String cursor) {
        List<Consent.Event> all = new ArrayList<>(history.getOrDefault(k(tenantId, memberId), List.of()));
        java.util.Collections.reverse(all);
        int from = cursor == null ? 0 : Integer.parseInt(cursor);
        int to = Math.min(all.size(), from + limit);
        return new Page<>(List.copyOf(all.subList(from, to)), to < all.size() ? Integer.toString(to) : null);
    }
}

package com.zhidian.samplestore;

import com.zhidian.core.Ids;
import com.zhidian.core.dynamo.DynamoTenantDirectory;
import com.zhidian.coupons.application.CouponService;
import com.zhidian.coupons.application.CouponsComposition;
import com.zhidian.coupons.domain.Counts;
import com.zhidian.coupons.domain.Kind;
import com.zhidian.coupons.domain.Template;
import com.zhidian.coupons.domain.Terms;
import com.zhidian.members.application.MemberService;
import com.zhidian.members.application.Members;
import com.zhidian.members.domain.Consent;
import com.zhidian.samplestore.year.SampleYear;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The sample year's members and coupons, through the members and coupons services on the loader's clock. A member
 * joins on their join date, or at their first purchase when that comes first (as at a till), in the store of that
 * purchase (else the store their index falls on), with consents that follow from their index. Each member gets the
 * welcome coupon (满30减5) on joining; an order that uses a coupon takes the member's unused one of its template, or
 * one handed out just before it, so issued and redeemed differ as in a real shop.
 */
final class YearMembers {
    static final String WELCOME = "full-30-5";

    private final SampleYear year;
    private final String tenantId;
    private final List<String> storeIds;
    private final MemberService members;
    private final CouponService coupons;
    private final Clock clock;
    private final AtomicInteger failures;
    private final Map<Integer, String> ids = new HashMap<>();
    private final Map<String, String> templates = new LinkedHashMap<>();
    private final Map<String, Deque<String>> unused = new HashMap<>();
    private final List<SampleYear.Member> byJoinDate;
    private int nextToJoin;
    private long issued;

    YearMembers(DynamoDbClient db, Clock clock, SampleYear year, String tenantId, List<String> storeIds, AtomicInteger failures) {
        DynamoTenantDirectory tenants = new DynamoTenantDirectory(db);
        this.members = Members.wire(db, tenants, clock).members();
        this.coupons = CouponsComposition.service(db, tenants, clock);
        this.clock = clock;
        this.year = year;
        this.tenantId = tenantId;
        this.storeIds = storeIds;
        this.failures = failures;
        List<SampleYear.Member> sorted = new ArrayList<>(year.members());
        sorted.sort((a, b) -> a.joined().compareTo(b.joined()) != 0 ? a.joined().compareTo(b.joined()) : Integer.compare(a.index(), b.index()));
        this.byJoinDate = sorted;
    }

    /** The year's coupon templates (满减, valid 30 days from handing out, stock enough for the year). */
    void templates() {
        for (SampleYear.CouponTemplate c : SampleYear.COUPONS) {
            Template t = new Template(tenantId, Ids.next("ct"), c.nameZh(), "样本年度 · " + c.nameEn(),
                    new Terms(Kind.AMOUNT_OFF, c.discount(), 0, null, c.threshold(), List.of(), Set.of(), Set.of(), false),
                    null, null, 30, 1_000_000, 1_000, false, clock.instant(), new Counts(0, 0, 0, 0, 0, 0));
            templates.put(c.key(), coupons.create(t).templateId());
        }
    }

    /** Members whose join date is {@code day} or earlier and who have not joined yet. */
    void joinDue(LocalDate day) {
        while (nextToJoin < byJoinDate.size() && !byJoinDate.get(nextToJoin).joined().isAfter(day)) {
            SampleYear.Member m = byJoinDate.get(nextToJoin++);
            if (!ids.containsKey(m.index())) join(m, m.index() % storeIds.size());
        }
    }

    /** The member of an order (joining now, in the order's store, when not a member yet); null when they cannot be. */
    String member(int index, int store) {
        String id = ids.get(index);
        return id != null ? id : join(year.members().get(index), store);
    }

    private String join(SampleYear.Member m, int store) {
        try {
            Map<Consent.Purpose, Boolean> consents = Map.of(Consent.Purpose.MARKETING_PUSH, m.index() % 3 != 0,
                    Consent.Purpose.PERSONALIZATION, m.index() % 2 == 0);
            String id = members.byPhone(tenantId, m.phone()).map(x -> x.memberId()).orElseGet(() -> members.join(tenantId,
                    new MemberService.NewMember(m.phone(), m.name(), null, storeIds.get(store), consents, Consent.Channel.POS, "staff"))
                    .member().memberId());
            ids.put(m.index(), id);
            handOut(id, WELCOME);
            return id;
        } catch (RuntimeException e) {
            if (failures.incrementAndGet() <= 3) System.err.println("[sample-year] member " + m.index() + " not joined: " + e);
            return null;
        }
    }

    private String handOut(String memberId, String key) {
        String template = templates.get(key);
        if (template == null) return null;
        CouponService.Issued i = coupons.issue(tenantId, template, List.of(memberId)).get(0);
        if (i.coupon() == null) return null;
        issued++;
        unused.computeIfAbsent(memberId + "/" + key, k -> new ArrayDeque<>()).add(i.coupon().code() + "|" + i.coupon().validTo());
        return i.coupon().code();
    }

    /** A coupon of the template for the member's order: an unused one, else one handed out now. */
    String couponFor(String memberId, String key) {
        try {
            Deque<String> codes = unused.get(memberId + "/" + key);
            // a coupon past (or within a day of) its end is left unused: it expires, as many do
            while (codes != null && !codes.isEmpty() && !java.time.Instant.parse(codes.peek().split("\\|")[1])
                    .isAfter(clock.instant().plus(java.time.Duration.ofDays(1)))) codes.poll();
            if (codes == null || codes.isEmpty()) handOut(memberId, key);
            codes = unused.get(memberId + "/" + key);
            return codes == null || codes.isEmpty() ? null : codes.peek().split("\\|")[0];
        } catch (RuntimeException e) {
            if (failures.incrementAndGet() <= 3) System.err.println("[sample-year] coupon " + key + " not handed out: " + e);
            return null;
        }
    }

    /** The order took the coupon (it is redeemed when the order is paid). */
    void used(String memberId, String key, String code) {
        Deque<String> codes = unused.get(memberId + "/" + key);
        if (codes != null) codes.removeIf(c -> c.startsWith(code + "|"));
    }

    long joined() { return ids.size(); }

    long issued() { return issued; }
}

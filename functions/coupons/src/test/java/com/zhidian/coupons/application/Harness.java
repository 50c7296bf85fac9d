package com.zhidian.coupons.application;

import com.zhidian.coupons.domain.Counts;
import com.zhidian.coupons.domain.Coupon;
import com.zhidian.coupons.domain.CouponState;
import com.zhidian.coupons.domain.Directory;
import com.zhidian.coupons.domain.Kind;
import com.zhidian.coupons.domain.Slice;
import com.zhidian.coupons.domain.Template;
import com.zhidian.coupons.domain.Terms;
import com.zhidian.coupons.store.DynamoCouponRepository;
import com.zhidian.core.testing.TestTables;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The service over the real store on the DynamoDB stand-in, a directory where every member exists unless erased, a clock we move. */
final class Harness {
    private static final AtomicInteger SEQ = new AtomicInteger();

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T02:00:00Z"));
    final Set<String> erased = ConcurrentHashMap.newKeySet();
    final DynamoCouponRepository repo = new DynamoCouponRepository(TestTables.client());
    final String tenant = "tn" + System.nanoTime() + "x" + SEQ.incrementAndGet();
    final CouponService service = new CouponService(repo, new Directory() {
        @Override
        public Map<String, MemberStanding> members(String tenantId, Collection<String> ids) {
            Map<String, MemberStanding> out = new HashMap<>();
            for (String id : ids) {
                out.put(id, id.startsWith("ghost") ? MemberStanding.UNKNOWN : erased.contains(id) ? MemberStanding.ERASED : MemberStanding.ACTIVE);
            }
            return out;
        }

        @Override
        public boolean hasStore(String tenantId, String storeId) {
            return storeId.startsWith("st_");
        }

        /** The members of {@link #members} in order, a cursor being the index of the next one; the filter matches all. */
        @Override
        public Step match(String tenantId, MemberFilter filter, int examine, String cursor) {
            int from = cursor == null ? 0 : Integer.parseInt(cursor);
            int to = Math.min(members.size(), from + examine);
            List<Matched> out = new ArrayList<>();
            for (String m : members.subList(from, to)) out.add(new Matched(m, erased.contains(m)));
            return new Step(out, to - from, to < members.size() ? Integer.toString(to) : null);
        }

        @Override
        public long candidates(String tenantId, MemberFilter filter) {
            return members.size();
        }
    }, clock);
    /** The tenant's members, in the order a filter walk meets them. */
    final List<String> members = new java.util.concurrent.CopyOnWriteArrayList<>();
    final com.zhidian.coupons.store.DynamoIssueJobs jobRepo = new com.zhidian.coupons.store.DynamoIssueJobs(TestTables.client());
    final IssueJobs jobs = new IssueJobs(service, jobRepo);

    Template template(long stock, int perMember, boolean stackable) {
        Terms t = new Terms(Kind.AMOUNT_OFF, 1000, 0, null, 0, List.of("st_1"), Set.of(), Set.of(), stackable);
        Instant now = clock.instant();
        return service.create(new Template(tenant, "ct_" + SEQ.incrementAndGet(), "满100减10", null, t, now, now.plus(Duration.ofDays(30)),
                null, stock, perMember, false, now, new Counts(0, 0, 0, 0, 0, 0)));
    }

    Coupon claim(Template t, String member) {
        return service.claim(tenant, member, t.templateId());
    }

    /** Every coupon of the template, by state as stored. */
    Map<CouponState, Long> states(String templateId) {
        Map<CouponState, Long> out = new EnumMap<>(CouponState.class);
        for (CouponState s : CouponState.values()) out.put(s, 0L);
        String cursor = null;
        do {
            Slice<Coupon> s = repo.ofTemplate(tenant, templateId, 200, cursor);
            s.items().forEach(c -> out.merge(c.state(), 1L, Long::sum));
            cursor = s.nextCursor();
        } while (cursor != null);
        return out;
    }

    Counts counts(String templateId) {
        return service.template(tenant, templateId).counts();
    }
}

package com.zhidian.campaigns.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.campaigns.domain.Campaign;
import com.zhidian.campaigns.domain.Delivery;
import com.zhidian.campaigns.domain.DeliveryQueue;
import com.zhidian.campaigns.domain.Message;
import com.zhidian.campaigns.domain.Segment;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Under random grants, withdrawals, erasures, sends, deliveries, retries of jobs already handled and the clock moving
 * (through quiet hours and cap windows): no message ever exists for a member whose marketing_push grant was not current
 * at the moment it was delivered, and no member gets two messages of one campaign.
 */
class ConsentAtDeliveryProperties {
    private static final int MEMBERS = 4;

    record Op(int kind, int member, int amount) {}

    @Provide
    Arbitrary<List<Op>> ops() {
        return Arbitraries.integers().between(0, 6).flatMap(kind -> Arbitraries.integers().between(0, MEMBERS - 1)
                .flatMap(m -> Arbitraries.integers().between(1, 600).map(a -> new Op(kind, m, a)))).list().ofMinSize(1).ofMaxSize(60);
    }

    /**
     * One consumer step; every message it wrote is judged against the member's grant as it stands at this moment,
     * which is the moment of delivery (operations run one after another). Returns whether the job is done.
     */
    private static boolean handle(Harness h, DeliveryQueue.Job j) {
        int before = h.repo.messages.size();
        boolean done = h.deliveries.handle(j).done();
        for (Message msg : h.repo.messages.subList(before, h.repo.messages.size())) {
            var m = h.audience.member(Harness.T, msg.memberId()).orElseThrow();
            assertTrue(m.active() && m.marketingPush(), () -> "messaged " + msg.memberId() + " without a current grant");
        }
        return done;
    }

    private static List<Boolean> handleAll(Harness h, List<DeliveryQueue.Job> jobs) {
        int before = h.repo.messages.size();
        List<Boolean> done = h.deliveries.handleAll(jobs).stream().map(DeliveryService.Outcome::done).toList();
        for (Message msg : h.repo.messages.subList(before, h.repo.messages.size())) {
            var m = h.audience.member(Harness.T, msg.memberId()).orElseThrow();
            assertTrue(m.active() && m.marketingPush(), () -> "messaged " + msg.memberId() + " without a current grant (batch)");
        }
        return done;
    }

    @Property(tries = 300)
    void noMessageWithoutACurrentGrant_andNoneTwice(@ForAll("ops") List<Op> ops) {
        Harness h = new Harness();
        for (int i = 0; i < MEMBERS; i++) h.member("m" + i, i % 2 == 0);
        Segment s = h.everyone();
        List<DeliveryQueue.Job> handled = new java.util.ArrayList<>();
        for (Op op : ops) {
            String m = "m" + op.member();
            switch (op.kind()) {
                case 0 -> h.audience.setPush(m, true);
                case 1 -> h.audience.setPush(m, false);
                case 2 -> {
                    Campaign c = h.campaigns.create(Harness.T, new CampaignService.Draft("t", "b", Campaign.IN_APP, s.segmentId(),
                            null, null, op.amount() % 3 == 0 ? 30 : 0));
                    h.campaigns.send(Harness.T, c.campaignId());
                }
                case 3 -> {
                    if (!h.queue.jobs.isEmpty() && op.amount() % 2 == 0) {
                        DeliveryQueue.Job j = h.queue.jobs.remove(op.amount() % h.queue.jobs.size());
                        if (!handle(h, j)) h.queue.jobs.add(j);
                        handled.add(j);
                    } else if (!h.queue.jobs.isEmpty()) {
                        // the consumer's batch (up to 10 jobs, as SQS hands them), decided and written at once
                        List<DeliveryQueue.Job> batch = new java.util.ArrayList<>();
                        while (batch.size() < 10 && !h.queue.jobs.isEmpty()) batch.add(h.queue.jobs.remove(0));
                        List<Boolean> done = handleAll(h, batch);
                        for (int x = 0; x < batch.size(); x++) if (!done.get(x)) h.queue.jobs.add(batch.get(x));
                        handled.addAll(batch);
                    }
                }
                case 4 -> { // a retry: a job already handled comes back (visibility timeout, a consumer killed before deleting)
                    if (!handled.isEmpty()) handle(h, handled.get(op.amount() % handled.size()));
                }
                case 5 -> h.clock.advance(Duration.ofMinutes(op.amount() * 7L));
                default -> { if (op.amount() % 10 == 0) h.audience.erase(m); }
            }
        }
        Set<String> seen = new HashSet<>();
        for (Message msg : h.repo.messages) {
            assertTrue(seen.add(msg.campaignId() + "|" + msg.memberId()), "two messages of one campaign to " + msg.memberId());
            Delivery d = h.repo.delivery(Harness.T, msg.campaignId(), msg.memberId()).orElseThrow();
            assertEquals(Delivery.DELIVERED, d.status());
            assertEquals(msg.messageId(), d.messageId());
        }
    }
}

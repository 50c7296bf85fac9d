package com.zhidian.campaigns.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The rules applied to one member at the moment of delivery, in this order: erased, no {@code marketing_push} grant
 * (never answered) or withdrawn, in the holdout, quiet hours (deferred to their end, not dropped), frequency cap; quiet
 * hours and cap as the tenant set them ({@link PushSettings}, default 21:00-08:00 and 2 a week).
 */
public final class DeliveryRules {
    private DeliveryRules() {}

    /** The window of the frequency cap ({@link PushSettings#frequencyCap()} messages at most). */
    public static final Duration CAP_WINDOW = Duration.ofDays(7);

    /** {@code reason} null: deliver now; status deferred: try again at {@code until}. */
    public record Verdict(String status, String reason, Instant until) {
        public boolean deliver() { return reason == null; }
    }

    private static final Verdict DELIVER = new Verdict(Delivery.DELIVERED, null, null);

    public static Verdict decide(AudienceMember m, Campaign c, Instant now, ZoneId zone, List<Instant> recentDeliveries) {
        return decide(m, c, now, zone, PushSettings.DEFAULT, recentDeliveries);
    }

    public static Verdict decide(AudienceMember m, Campaign c, Instant now, ZoneId zone, PushSettings settings,
                                 List<Instant> recentDeliveries) {
        if (m == null || !m.active()) return skip(Delivery.ERASED);
        if (!m.marketingPush()) return skip(m.marketingPushAnswered() ? Delivery.WITHDRAWN : Delivery.NO_GRANT);
        if (inHoldout(c.campaignId(), m.memberId(), c.holdoutPercent())) return skip(Delivery.HOLDOUT);
        Instant quietEnd = quietEnd(now, zone, settings);
        if (quietEnd != null) return new Verdict(Delivery.DEFERRED, Delivery.QUIET_HOURS, quietEnd);
        if (recentWithin(recentDeliveries, now) >= settings.frequencyCap()) return skip(Delivery.FREQUENCY_CAP);
        return DELIVER;
    }

    private static Verdict skip(String reason) {
        return new Verdict(Delivery.SKIPPED, reason, null);
    }

    public static long recentWithin(List<Instant> deliveries, Instant now) {
        Instant from = now.minus(CAP_WINDOW);
        return deliveries.stream().filter(t -> t.isAfter(from) && !t.isAfter(now)).count();
    }

    /** The deliveries worth keeping for the cap: those inside the window ending now. */
    public static List<Instant> keepForCap(List<Instant> deliveries, Instant now) {
        Instant from = now.minus(CAP_WINDOW);
        return deliveries.stream().filter(t -> t.isAfter(from)).sorted().toList();
    }

    public static Instant quietEnd(Instant now, ZoneId zone) {
        return quietEnd(now, zone, PushSettings.DEFAULT);
    }

    /**
     * When the quiet hours that hold {@code now} end, in the tenant's zone; null outside quiet hours. Quiet hours may
     * span midnight (21:00-08:00) or not (12:00-14:00).
     */
    public static Instant quietEnd(Instant now, ZoneId zone, PushSettings s) {
        if (!s.hasQuietHours()) return null;
        ZonedDateTime local = now.atZone(zone);
        LocalTime t = local.toLocalTime();
        LocalTime from = s.quietFrom(), until = s.quietUntil();
        if (from.isAfter(until)) {
            if (!t.isBefore(from)) return local.toLocalDate().plusDays(1).atTime(until).atZone(zone).toInstant();
            if (t.isBefore(until)) return local.toLocalDate().atTime(until).atZone(zone).toInstant();
            return null;
        }
        if (!t.isBefore(from) && t.isBefore(until)) return local.toLocalDate().atTime(until).atZone(zone).toInstant();
        return null;
    }

    /**
     * Whether the member is in the campaign's holdout: a stable draw from the campaign and member ids (SHA-256), so
     * a retry or a later look draws the same, and about {@code percent} of members are held out.
     */
    public static boolean inHoldout(String campaignId, String memberId, int percent) {
        if (percent <= 0) return false;
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest((campaignId + "|" + memberId).getBytes(StandardCharsets.UTF_8));
            int v = ((h[0] & 0xff) << 8 | (h[1] & 0xff)) % 100;
            return v < percent;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

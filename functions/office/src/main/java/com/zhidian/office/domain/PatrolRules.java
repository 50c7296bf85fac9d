package com.zhidian.office.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The pure rules of patrol rounds. A round is due at one of the route's times of day in the tenant's zone. Its window
 * opens {@code tolerance} before that time; a visit up to {@code tolerance} after it is on time, up to twice the
 * tolerance after it is late; then the round closes and every checkpoint not visited is missed.
 */
public final class PatrolRules {
    private PatrolRules() {}

    public static final int MIN_TOLERANCE = 1, MAX_TOLERANCE = 120;
    /** How far back the sweep closes rounds it has not seen (a sweep that stopped for longer forgets older rounds). */
    public static final Duration LOOKBACK = Duration.ofHours(24);
    private static final DateTimeFormatter ROUND_STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmm").withZone(ZoneOffset.UTC);

    public static Instant opensAt(Instant due, int tolerance) { return due.minus(Duration.ofMinutes(tolerance)); }

    public static Instant onTimeUntil(Instant due, int tolerance) { return due.plus(Duration.ofMinutes(tolerance)); }

    public static Instant closesAt(Instant due, int tolerance) { return due.plus(Duration.ofMinutes(2L * tolerance)); }

    /** The due times of a route in (from, to], oldest first, never before the route takes effect. */
    public static List<Instant> dues(PatrolRoute route, ZoneId zone, Instant from, Instant to) {
        Instant effective = Instant.parse(route.effectiveFrom());
        Instant start = from.isBefore(effective) ? effective.minusNanos(1) : from;
        List<Instant> out = new ArrayList<>();
        LocalDate day = start.atZone(zone).toLocalDate().minusDays(1);
        LocalDate last = to.atZone(zone).toLocalDate().plusDays(1);
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            for (String t : route.times()) {
                Instant due = ZonedDateTime.of(day, LocalTime.parse(t), zone).toInstant();
                if (due.isAfter(start) && !due.isAfter(to)) out.add(due);
            }
        }
        out.sort(null);
        return out;
    }

    /** The round whose window holds {@code now} (the latest such, when windows overlap). */
    public static Optional<Instant> openDue(PatrolRoute route, ZoneId zone, Instant now) {
        int tol = route.toleranceMinutes();
        List<Instant> near = dues(route, zone, now.minus(Duration.ofMinutes(2L * tol)).minusSeconds(1), now.plus(Duration.ofMinutes(tol)));
        Instant found = null;
        for (Instant due : near) {
            if (!now.isBefore(opensAt(due, tol)) && now.isBefore(closesAt(due, tol))) found = due;
        }
        return Optional.ofNullable(found);
    }

    /** on_time or late for a visit at {@code at}; empty once the round has closed (or before it opened). */
    public static Optional<String> classify(Instant due, int tolerance, Instant at) {
        if (at.isBefore(opensAt(due, tolerance)) || !at.isBefore(closesAt(due, tolerance))) return Optional.empty();
        return Optional.of(at.isAfter(onTimeUntil(due, tolerance)) ? Round.LATE : Round.ON_TIME);
    }

    public static String roundId(String routeId, Instant due) { return routeId + "-" + ROUND_STAMP.format(due); }

    /** A fresh round: every checkpoint pending. */
    public static Round newRound(PatrolRoute route, Instant due, List<Checkpoint> checkpoints) {
        List<Round.Visit> visits = new ArrayList<>();
        for (String id : route.checkpointIds()) {
            Checkpoint c = checkpoints.stream().filter(x -> x.checkpointId().equals(id)).findFirst().orElse(null);
            visits.add(new Round.Visit(id, c == null ? id : c.name(), c != null && c.byCamera(), Round.Visit.PENDING, null, null, null, null));
        }
        return new Round(roundId(route.routeId(), due), route.routeId(), route.name(), route.storeId(), due.toString(),
                route.toleranceMinutes(), visits, 0);
    }

    /** The round with the checkpoint visited at {@code at}; refused when visited already, or not in the round. */
    public static Round visit(Round round, String checkpointId, Instant at, String by, String byName, String snapshotKey) {
        Instant due = Instant.parse(round.dueAt());
        String status = classify(due, round.toleranceMinutes(), at).orElseThrow(() -> new OfficeErrors.RoundClosed(round.roundId()));
        List<Round.Visit> next = new ArrayList<>();
        boolean found = false;
        for (Round.Visit v : round.visits()) {
            if (v.checkpointId().equals(checkpointId)) {
                if (!Round.Visit.PENDING.equals(v.status())) throw new OfficeErrors.AlreadyVisited(checkpointId, round.roundId());
                next.add(v.with(status, at.toString(), by, byName, snapshotKey));
                found = true;
            } else {
                next.add(v);
            }
        }
        if (!found) throw new OfficeErrors.NotOnRoute(checkpointId);
        return round.withVisits(next);
    }

    /** The round closed at {@code now}: each pending checkpoint missed. Unchanged when the window is still open. */
    public static Round close(Round round, Instant now) {
        if (now.isBefore(closesAt(Instant.parse(round.dueAt()), round.toleranceMinutes()))) return round;
        List<Round.Visit> next = new ArrayList<>();
        boolean changed = false;
        for (Round.Visit v : round.visits()) {
            if (Round.Visit.PENDING.equals(v.status())) {
                next.add(v.with(Round.MISSED, null, null, null, null));
                changed = true;
            } else {
                next.add(v);
            }
        }
        return changed ? round.withVisits(next) : round;
    }

    /** The id of the one alert a checkpoint can raise in a round: sorted by the round's time, the same on every sweep. */
    public static String alertId(Round round, String checkpointId) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((round.roundId() + "\n" + checkpointId).getBytes(StandardCharsets.UTF_8));
            return "pal_" + ROUND_STAMP.format(Instant.parse(round.dueAt())) + "_" + HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PatrolAlert alert(Round round, Round.Visit v, Instant now, String cause) {
        return new PatrolAlert(alertId(round, v.checkpointId()), round.storeId(), round.roundId(), round.routeId(), round.routeName(),
                v.checkpointId(), v.name(), v.status(), round.dueAt(), now.toString(), PatrolAlert.OPEN, null, null, cause);
    }
}

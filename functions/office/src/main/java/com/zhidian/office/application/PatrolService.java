package com.zhidian.office.application;

import com.zhidian.core.Ids;
import com.zhidian.core.auth.Caller;
import com.zhidian.core.auth.Role;
import com.zhidian.core.links.SignedLinks;
import com.zhidian.core.paging.Page;
import com.zhidian.office.domain.Checkpoint;
import com.zhidian.office.domain.OfficeErrors;
import com.zhidian.office.domain.PatrolAlert;
import com.zhidian.office.domain.PatrolRepository;
import com.zhidian.office.domain.PatrolRoute;
import com.zhidian.office.domain.PatrolRules;
import com.zhidian.office.domain.Round;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The use cases of patrols: checkpoints and their tags, routes, check-ins, the sweep of closed rounds, patrol alerts. */
public final class PatrolService {
    /**
     * A checkpoint's printed QR: {@code ZDP1.<tenantId>.<checkpointId>.<signature>} (core's sealed SignedLinks code), so
     * a tag cannot be forged from a checkpoint id, nor one tenant's used in another.
     */
    public static final String TAG_PREFIX = "ZDP1";
    public static final String TAG_PURPOSE = "patrol-checkpoint";

    /** Whether the tenant has the store. */
    public interface StoreCheck {
        boolean exists(String tenantId, String storeId);
    }

    /** The tenant's time zone, in which the rounds' times of day are read. */
    public interface Zones {
        ZoneId of(String tenantId);
    }

    /** The tenant's logins, read through the stores context. */
    public interface People {
        List<Person> of(String tenantId);
    }

    public record Person(String userId, String name, String role, List<String> storeIds, boolean enabled) {
        public boolean worksIn(String storeId) { return "owner".equals(role) || storeIds.contains(storeId); }
    }

    public record NewRoute(String name, List<String> checkpointIds, List<String> times, int toleranceMinutes, List<String> staffIds,
                           Instant effectiveFrom) {}

    private final PatrolRepository repo;
    private final SignedLinks tags;
    private final StoreCheck stores;
    private final Zones zones;
    private final People people;
    private final Clock clock;

    public PatrolService(PatrolRepository repo, SignedLinks tags, StoreCheck stores, Zones zones, People people, Clock clock) {
        this.repo = repo;
        this.tags = tags;
        this.stores = stores;
        this.zones = zones;
        this.people = people;
        this.clock = clock;
    }

    public String tag(String tenantId, Checkpoint c) { return tags.seal(TAG_PREFIX, tenantId, c.checkpointId()); }

    void requireStore(Caller caller, String storeId) {
        if (!caller.canSeeStore(storeId) || !stores.exists(caller.tenantId(), storeId)) throw new OfficeErrors.StoreNotFound(storeId);
    }

    public Checkpoint createCheckpoint(Caller caller, String storeId, String name, String place, String nfcTagId) {
        requireStore(caller, storeId);
        Checkpoint c = new Checkpoint(Ids.next("pcp"), storeId, name, place, nfcTagId, null, clock.instant().toString());
        repo.addCheckpoint(caller.tenantId(), c);
        return c;
    }

    public List<Checkpoint> checkpoints(Caller caller, String storeId) {
        requireStore(caller, storeId);
        return repo.checkpoints(caller.tenantId(), storeId);
    }

    public PatrolRoute createRoute(Caller caller, String storeId, NewRoute n) {
        requireStore(caller, storeId);
        List<String> known = repo.checkpoints(caller.tenantId(), storeId).stream().map(Checkpoint::checkpointId).toList();
        List<String> unknown = n.checkpointIds().stream().filter(id -> !known.contains(id)).sorted().toList();
        if (!unknown.isEmpty()) throw new OfficeErrors.UnknownCheckpoints(unknown);
        List<Person> all = people.of(caller.tenantId());
        List<String> badStaff = n.staffIds().stream()
                .filter(id -> all.stream().noneMatch(p -> p.userId().equals(id) && p.enabled() && p.worksIn(storeId))).sorted().toList();
        if (!badStaff.isEmpty()) throw new OfficeErrors.UnknownStaff(badStaff);
        Instant now = clock.instant();
        Instant from = n.effectiveFrom() == null ? now : n.effectiveFrom();
        PatrolRoute r = new PatrolRoute(Ids.next("prt"), storeId, n.name(), n.checkpointIds(), n.times().stream().sorted().toList(),
                n.toleranceMinutes(), n.staffIds(), from.toString(), now.toString());
        repo.addRoute(caller.tenantId(), r);
        return r;
    }

    public List<PatrolRoute> routes(Caller caller, String storeId) {
        requireStore(caller, storeId);
        return repo.routes(caller.tenantId(), storeId);
    }

    /** The rounds open now on the caller's routes (the owner's: every route), for the task list. */
    public List<Round> dueRounds(Caller caller, String storeId) {
        ZoneId zone = zones.of(caller.tenantId());
        Instant now = clock.instant();
        List<Round> out = new ArrayList<>();
        for (PatrolRoute route : repo.routes(caller.tenantId(), storeId)) {
            if (!caller.is(Role.OWNER) && !route.staffIds().contains(caller.sub())) continue;
            Optional<Instant> due = PatrolRules.openDue(route, zone, now);
            if (due.isEmpty()) continue;
            Round r = repo.round(caller.tenantId(), PatrolRules.roundId(route.routeId(), due.get()))
                    .orElseGet(() -> PatrolRules.newRound(route, due.get(), repo.checkpoints(caller.tenantId(), storeId)));
            if (Round.OPEN.equals(r.status())) out.add(r);
        }
        return out;
    }

    /**
     * A check-in by scanning a checkpoint's tag: recorded in the open round of a route of the caller's that passes the
     * checkpoint (the owner may walk any route). A late visit raises its alert at once.
     */
    public Round checkIn(Caller caller, String code) {
        SignedLinks.Sealed tag = tags.open(TAG_PREFIX, code).filter(t -> t.tenantId().equals(caller.tenantId())).orElseThrow(OfficeErrors.NotATag::new);
        Checkpoint cp = repo.checkpoint(caller.tenantId(), tag.id())
                .filter(c -> caller.canSeeStore(c.storeId())).orElseThrow(OfficeErrors.NotATag::new);
        String name = people.of(caller.tenantId()).stream().filter(p -> p.userId().equals(caller.sub())).map(Person::name)
                .findFirst().orElse(caller.username());
        return visit(caller.tenantId(), cp, route -> caller.is(Role.OWNER) || route.staffIds().contains(caller.sub()),
                caller.sub(), name, null);
    }

    Round visit(String tenantId, Checkpoint cp, java.util.function.Predicate<PatrolRoute> mine, String by, String byName,
                        String snapshotKey) {
        ZoneId zone = zones.of(tenantId);
        RuntimeException refusal = new OfficeErrors.NoRoundOpen(cp.checkpointId());
        for (PatrolRoute route : repo.routes(tenantId, cp.storeId())) {
            if (!route.checkpointIds().contains(cp.checkpointId()) || !mine.test(route)) continue;
            for (int attempt = 0; attempt < 3; attempt++) {
                Instant now = clock.instant();
                Optional<Instant> due = PatrolRules.openDue(route, zone, now);
                if (due.isEmpty()) break;
                Round before = repo.round(tenantId, PatrolRules.roundId(route.routeId(), due.get()))
                        .orElseGet(() -> PatrolRules.newRound(route, due.get(), repo.checkpoints(tenantId, cp.storeId())));
                Round after;
                try {
                    after = PatrolRules.visit(before, cp.checkpointId(), now, by, byName, snapshotKey);
                } catch (OfficeErrors.AlreadyVisited | OfficeErrors.RoundClosed e) {
                    refusal = e;
                    break;
                }
                if (!repo.saveRound(tenantId, after, before.version())) continue;
                for (Round.Visit v : after.visits()) {
                    if (v.checkpointId().equals(cp.checkpointId()) && Round.LATE.equals(v.status())) {
                        repo.raise(tenantId, PatrolRules.alert(after, v, now, null));
                    }
                }
                return after;
            }
        }
        throw refusal;
    }

    public Page<Round> rounds(Caller caller, String storeId, int limit, String cursor) {
        requireStore(caller, storeId);
        return repo.rounds(caller.tenantId(), storeId, limit, cursor);
    }

    /** One store's patrol alerts, or (storeId null) those of every store the caller sees. */
    public Page<PatrolAlert> alerts(Caller caller, String storeId, String state, int limit, String cursor) {
        if (storeId != null) requireStore(caller, storeId);
        if (storeId == null && !caller.is(Role.OWNER)) {
            List<PatrolAlert> out = new ArrayList<>();
            for (String s : caller.storeIds().stream().sorted().toList()) out.addAll(repo.alerts(caller.tenantId(), s, state, 100, null).items());
            out.sort((a, b) -> b.patrolAlertId().compareTo(a.patrolAlertId()));
            return new Page<>(out.size() > limit ? out.subList(0, limit) : out, null);
        }
        return repo.alerts(caller.tenantId(), storeId, state, limit, cursor);
    }

    public PatrolAlert resolve(Caller caller, String patrolAlertId) {
        PatrolAlert a = repo.alert(caller.tenantId(), patrolAlertId).filter(x -> caller.canSeeStore(x.storeId()))
                .orElseThrow(() -> new OfficeErrors.PatrolAlertNotFound(patrolAlertId));
        if (PatrolAlert.RESOLVED.equals(a.state())) return a;
        PatrolAlert done = a.resolved(caller.username(), clock.instant().toString());
        repo.saveAlert(caller.tenantId(), done);
        return done;
    }

    /**
     * The scheduled sweep: every round of every route that closed since the last sweep (at most a day back) is closed,
     * its unvisited checkpoints missed, and one alert raised per missed checkpoint (never twice: the alert's id is the
     * round's and the checkpoint's). Answers how many alerts it raised.
     */
    public int sweep() {
        Instant now = clock.instant();
        int raised = 0;
        for (PatrolRepository.Swept s : repo.allRoutes()) {
            PatrolRoute route = s.route();
            Instant floor = now.minus(PatrolRules.LOOKBACK);
            Instant from = s.sweptThrough() == null ? floor : Instant.parse(s.sweptThrough());
            if (from.isBefore(floor)) from = floor;
            Instant closedBy = now.minusSeconds(120L * route.toleranceMinutes());
            if (!closedBy.isAfter(from)) continue;
            ZoneId zone = zones.of(s.tenantId());
            Instant through = null;
            for (Instant due : PatrolRules.dues(route, zone, from, closedBy)) {
                raised += close(s.tenantId(), route, due, now);
                through = due;
            }
            if (through != null) repo.markSwept(s.tenantId(), route.storeId(), route.routeId(), through.toString());
        }
        return raised;
    }

    private int close(String tenantId, PatrolRoute route, Instant due, Instant now) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Round before = repo.round(tenantId, PatrolRules.roundId(route.routeId(), due))
                    .orElseGet(() -> PatrolRules.newRound(route, due, repo.checkpoints(tenantId, route.storeId())));
            Round after = PatrolRules.close(before, now);
            if (after == before && before.version() > 0) return raiseMissed(tenantId, after, now);
            if (repo.saveRound(tenantId, after, before.version())) return raiseMissed(tenantId, after, now);
        }
        return 0;
    }

    private int raiseMissed(String tenantId, Round round, Instant now) {
        int raised = 0;
        // a camera offline when the round asked it is why its checkpoint was missed: the alert says so
        boolean cameraMissed = round.visits().stream().anyMatch(v -> v.camera() && Round.MISSED.equals(v.status()));
        java.util.Set<String> offline = cameraMissed ? repo.offlineAsks(tenantId, round.roundId()) : java.util.Set.of();
        for (Round.Visit v : round.visits()) {
            String cause = v.camera() && offline.contains(v.checkpointId()) ? PatrolAlert.CAMERA_OFFLINE : null;
            if (Round.MISSED.equals(v.status()) && repo.raise(tenantId, PatrolRules.alert(round, v, now, cause))) raised++;
        }
        return raised;
    }
}

package com.zhidian.parking.application;

import com.zhidian.core.Ids;
import com.zhidian.core.auth.Caller;
import com.zhidian.core.errors.ConcurrentChange;
import com.zhidian.core.paging.Page;
import com.zhidian.parking.domain.Barriers;
import com.zhidian.parking.domain.CarPark;
import com.zhidian.parking.domain.Fees;
import com.zhidian.parking.domain.FreeHours;
import com.zhidian.parking.domain.MemberFacts;
import com.zhidian.parking.domain.MemberParking;
import com.zhidian.parking.domain.ParkingDevices;
import com.zhidian.parking.domain.ParkingErrors;
import com.zhidian.parking.domain.ParkingPayments;
import com.zhidian.parking.domain.ParkingRepository;
import com.zhidian.parking.domain.Session;
import com.zhidian.parking.domain.Tariff;
import com.zhidian.parking.domain.Zone;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;

/**
 * Car parks of stores: the owner's set-up, what the cameras and sensors report, pay-after-exit for members with a
 * card, paying at the exit by plate for everyone else, a member's plates, card and debts, and finding a car.
 */
public final class ParkingService {
    /** The stores' days (a member's spending "that day", the hours of the occupancy chart). */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /**
     * How long a space sensor's reading of a plate with no stay yet is kept for the entry camera's read: the two
     * devices publish on their own connections, so the sensor's reading may arrive first.
     */
    public static final Duration EARLY_SPACE = Duration.ofSeconds(30);

    /** What the exit camera's read led to: the stay (null: no car of that plate inside) and whether the barrier opened. */
    public record Exit(Session session, boolean opened) {}

    /** A stay with what it owes now. */
    public record Quote(Session session, long fee, long due, long freeMinutes) {}

    /** A day of one car park: cars inside at any time of each hour, entries per hour, and what was paid that day. */
    public record Day(LocalDate date, int spaces, int[] carsByHour, int[] entriesByHour, long revenue, int paidStays) {}

    private final ParkingRepository repo;
    private final ParkingDevices devices;
    private final ParkingPayments payments;
    private final Barriers barriers;
    private final MemberFacts members;
    private final BiPredicate<String, String> stores;
    private final Clock clock;

    public ParkingService(ParkingRepository repo, ParkingDevices devices, ParkingPayments payments, Barriers barriers, MemberFacts members,
                          BiPredicate<String, String> stores, Clock clock) {
        this.repo = repo;
        this.devices = devices;
        this.payments = payments;
        this.barriers = barriers;
        this.members = members;
        this.stores = stores;
        this.clock = clock;
    }

    // ---- the owner's car park ----

    public CarPark setUp(Caller caller, String storeId, String name, List<Zone> zones, Tariff tariff, List<FreeHours> freeHours, int grace) {
        requireStore(caller, storeId);
        Set<String> seen = new HashSet<>();
        for (Zone z : zones) if (!seen.add(z.zone())) throw new ParkingErrors.DuplicateZone(z.zone());
        CarPark p = new CarPark(storeId, name, zones, tariff, freeHours, grace, clock.instant());
        repo.saveCarPark(caller.tenantId(), p);
        return p;
    }

    public CarPark carPark(Caller caller, String storeId) {
        requireStore(caller, storeId);
        return carPark(caller.tenantId(), storeId);
    }

    /** The stays inside now (parked or at the exit). */
    public List<Session> inside(String tenantId, String storeId) {
        return repo.overlapping(tenantId, storeId, clock.instant(), clock.instant()).stream().filter(Session::open).toList();
    }

    public Page<Session> sessions(Caller caller, String storeId, String status, int limit, String cursor) {
        carPark(caller, storeId);
        return repo.sessions(caller.tenantId(), storeId, status, limit, cursor);
    }

    public Day day(Caller caller, String storeId, LocalDate date) {
        CarPark p = carPark(caller, storeId);
        Instant from = date.atStartOfDay(CHINA).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(CHINA).toInstant();
        Instant now = clock.instant();
        int[] cars = new int[24];
        int[] entries = new int[24];
        long revenue = 0;
        int paidStays = 0;
        for (Session s : repo.overlapping(caller.tenantId(), storeId, from, to)) {
            for (int h = 0; h < 24; h++) {
                Instant hs = from.plus(Duration.ofHours(h)), he = hs.plus(Duration.ofHours(1));
                // a car still parked counts in the hours begun so far, not in the rest of today
                if (hs.isBefore(now) && s.enteredAt().isBefore(he) && (s.exitedAt() == null || !s.exitedAt().isBefore(hs))) cars[h]++;
                if (!s.enteredAt().isBefore(hs) && s.enteredAt().isBefore(he)) entries[h]++;
            }
            if (s.paidAt() != null && !s.paidAt().isBefore(from) && s.paidAt().isBefore(to)) {
                revenue += s.paid();
                paidStays++;
            }
        }
        return new Day(date, p.spaces(), cars, entries, revenue, paidStays);
    }

    // ---- the devices ----

    /**
     * The entry camera read a plate: a new stay (a plate already inside is not entered twice), in the space a sensor
     * read for that plate within {@link #EARLY_SPACE} before.
     */
    public Session entered(String tenantId, String storeId, String deviceId, String plate, String zone) {
        if (!isDevice(tenantId, storeId, deviceId, "plate_camera") || plate == null) return null;
        CarPark p = repo.carPark(tenantId, storeId);
        if (p == null) return null;
        Session open = repo.openByPlate(tenantId, storeId, plate);
        if (open != null) return open;
        Instant now = clock.instant();
        String memberId = repo.memberOfPlate(tenantId, plate);
        Session s = new Session(sessionId(now), storeId, plate, memberId, now, zone != null && p.hasZone(zone) ? zone : null, null,
                Session.PARKED, 0, 0, 0, null, null, null, null, null, null, 1);
        if (!repo.enter(tenantId, s)) return repo.openByPlate(tenantId, storeId, plate);
        ParkingRepository.HeldSpace early = repo.takeSpace(tenantId, storeId, plate);
        if (early == null || Duration.between(early.at(), now).abs().compareTo(EARLY_SPACE) > 0) return s;
        return change(tenantId, storeId, s.sessionId(), x -> x.open() ? x.at(early.zone() == null ? x.zone() : early.zone(), early.space()) : x);
    }

    /**
     * A space sensor: a car in a space (its plate when the sensor reads one) puts that stay in that zone and space. A
     * plate with no stay yet is kept for the entry camera's read (see {@link #EARLY_SPACE}).
     */
    public void space(String tenantId, String storeId, String deviceId, String zone, String space, String plate) {
        if (!isDevice(tenantId, storeId, deviceId, "space_sensor") || plate == null || space == null) return;
        CarPark p = repo.carPark(tenantId, storeId);
        if (p == null || (zone != null && !p.hasZone(zone))) return;
        Session s = repo.openByPlate(tenantId, storeId, plate);
        if (s == null) {
            repo.holdSpace(tenantId, storeId, plate, new ParkingRepository.HeldSpace(zone, space, clock.instant()));
            // the entry's read may have run meanwhile and found nothing held: whichever takes the reading applies it
            s = repo.openByPlate(tenantId, storeId, plate);
            if (s == null || repo.takeSpace(tenantId, storeId, plate) == null) return;
        }
        change(tenantId, storeId, s.sessionId(), x -> x.open() ? x.at(zone == null ? x.zone() : zone, space) : x);
    }

    /**
     * The exit camera read a plate. Nothing owed (free time, paid and within the grace time): the barrier opens and the
     * stay is completed. A member with a card: the barrier opens, the stay is completed and the fee charged after
     * (先离场后付费); a failed charge leaves a debt. Anyone else waits at the barrier and pays by the exit's QR.
     */
    public Exit exited(String tenantId, String storeId, String deviceId, String plate) {
        ParkingDevices.Registered cam = devices.find(tenantId, storeId, deviceId);
        if (cam == null || !"plate_camera".equals(cam.kind()) || plate == null) return new Exit(null, false);
        Session s = repo.openByPlate(tenantId, storeId, plate);
        CarPark p = repo.carPark(tenantId, storeId);
        if (s == null || p == null) return new Exit(null, false);
        Instant now = clock.instant();
        Quote q = quote(tenantId, p, s, now);
        boolean inGrace = s.paidAt() != null && !now.isAfter(s.paidAt().plus(Duration.ofMinutes(p.graceMinutes())));
        if (q.due() <= 0 || inGrace) {
            long fee = inGrace ? s.paid() : q.fee();
            Session done = change(tenantId, storeId, s.sessionId(),
                    x -> x.with(Session.COMPLETED, fee, x.paid(), q.freeMinutes(), x.paidAt(), now, x.payment(), null));
            barriers.open(cam.thingName(), s.sessionId());
            return new Exit(done, true);
        }
        MemberParking m = s.memberId() == null ? null : repo.member(tenantId, s.memberId());
        if (m != null && m.hasCard()) {
            Session left = change(tenantId, storeId, s.sessionId(),
                    x -> x.with(Session.COMPLETED, q.fee(), x.paid(), q.freeMinutes(), x.paidAt(), now, x.payment(), null));
            barriers.open(cam.thingName(), s.sessionId());
            long due = q.fee() - s.paid();
            ParkingPayments.Charge c = payments.charge(tenantId, s.sessionId(), due, m.customer(), m.paymentMethod(), true,
                    "parking-exit-" + tenantId + "-" + s.sessionId());
            Session after = c.ok()
                    ? change(tenantId, storeId, s.sessionId(), x -> x.with(Session.COMPLETED, x.fee(), x.paid() + due, x.freeMinutes(), now,
                            x.exitedAt(), c.ref(), null))
                    : change(tenantId, storeId, s.sessionId(), x -> x.with(Session.DEBT, x.fee(), x.paid(), x.freeMinutes(), x.paidAt(),
                            x.exitedAt(), c.ref(), c.declineCode()));
            return new Exit(after == null ? left : after, true);
        }
        Session waiting = change(tenantId, storeId, s.sessionId(),
                x -> x.with(Session.EXITING, q.fee(), x.paid(), q.freeMinutes(), x.paidAt(), null, x.payment(), null).waitingAt(cam.thingName()));
        return new Exit(waiting, false);
    }

    /** The exit camera's acknowledgement of an open command: when the barrier opened for that stay. */
    public void barrierOpened(String tenantId, String storeId, String deviceId, String sessionId) {
        if (!isDevice(tenantId, storeId, deviceId, "plate_camera") || sessionId == null) return;
        if (repo.session(tenantId, storeId, sessionId) == null) return;
        Instant now = clock.instant();
        change(tenantId, storeId, sessionId, x -> x.barrierAt() == null ? x.barrier(now) : x);
    }

    // ---- paying by plate at the exit (public, from the exit's QR) ----

    public Quote quoteByPlate(String tenantId, String storeId, String plate) {
        CarPark p = repo.carPark(tenantId, storeId);
        Session s = p == null ? null : repo.openByPlate(tenantId, storeId, plate);
        if (s == null) throw new ParkingErrors.CarNotFound();
        return quote(tenantId, p, s, clock.instant());
    }

    /**
     * Pays what a stay owes now with a card ({@code paymentMethod}); a car waiting at the barrier leaves at once,
     * any other has the grace time to reach the exit. Paying again what was just paid answers the same paid stay.
     */
    public Quote payByPlate(String tenantId, String storeId, String plate, String paymentMethod) {
        CarPark p = repo.carPark(tenantId, storeId);
        Session s = p == null ? null : repo.openByPlate(tenantId, storeId, plate);
        if (s == null) throw new ParkingErrors.CarNotFound();
        Instant now = clock.instant();
        Quote q = quote(tenantId, p, s, now);
        if (q.due() <= 0) {
            if (s.paid() > 0) return q;
            throw new ParkingErrors.NothingDue(s.sessionId());
        }
        long due = q.due();
        ParkingPayments.Charge c = payments.charge(tenantId, s.sessionId(), due, null, paymentMethod, false,
                payKey(tenantId, s, due, paymentMethod));
        if (!c.ok()) throw new ParkingErrors.PaymentFailed(c.declineCode());
        boolean waiting = Session.EXITING.equals(s.status()) && s.exitThing() != null;
        Session after = change(tenantId, storeId, s.sessionId(), x -> x.paid() >= q.fee() ? x
                : x.with(waiting ? Session.COMPLETED : Session.PARKED, q.fee(), x.paid() + due, q.freeMinutes(), now,
                        waiting ? now : null, c.ref(), null));
        if (waiting) barriers.open(s.exitThing(), s.sessionId());
        return new Quote(after, q.fee(), 0, q.freeMinutes());
    }

    /** Find my car: the zone and space of a plate inside. */
    public Session find(String tenantId, String storeId, String plate) {
        Session s = repo.carPark(tenantId, storeId) == null ? null : repo.openByPlate(tenantId, storeId, plate);
        if (s == null) throw new ParkingErrors.CarNotFound();
        return s;
    }

    // ---- a member's plates, card and debts ----

    public MemberParking mine(String tenantId, String memberId) {
        MemberParking m = repo.member(tenantId, memberId);
        return m == null ? new MemberParking(memberId, List.of(), null, null, null) : m;
    }

    public List<Session> myStays(String tenantId, String memberId) {
        return repo.ofMember(tenantId, memberId, 50);
    }

    public MemberParking bind(String tenantId, String memberId, String plate) {
        MemberParking m = mine(tenantId, memberId);
        if (m.plates().contains(plate)) return m;
        if (m.plates().size() >= MemberParking.MAX_PLATES) throw new ParkingErrors.TooManyPlates(MemberParking.MAX_PLATES);
        if (!repo.bind(tenantId, memberId, plate)) throw new ParkingErrors.PlateTaken(plate);
        return mine(tenantId, memberId);
    }

    public MemberParking unbind(String tenantId, String memberId, String plate) {
        if (!mine(tenantId, memberId).plates().contains(plate)) throw new ParkingErrors.PlateNotFound(plate);
        repo.unbind(tenantId, memberId, plate);
        return mine(tenantId, memberId);
    }

    /** Saves a card for pay-after-exit: the member's Stripe customer (made once) and the card set up for later charges. */
    public MemberParking saveCard(String tenantId, String memberId, String paymentMethod, String idempotencyKey) {
        MemberParking m = mine(tenantId, memberId);
        String customer = m.customer() != null ? m.customer() : payments.customer(tenantId, memberId);
        ParkingPayments.SavedCard card = payments.setUp(customer, paymentMethod,
                idempotencyKey == null ? null : "parking-card-" + tenantId + "-" + memberId + "-" + idempotencyKey);
        repo.saveCard(tenantId, memberId, customer, card.paymentMethod(), card.label());
        return mine(tenantId, memberId);
    }

    /** The member pays a debt of a stay with the saved card. */
    public Session payDebt(String tenantId, String memberId, String storeId, String sessionId) {
        Session s = repo.session(tenantId, storeId, sessionId);
        if (s == null || !memberId.equals(s.memberId())) throw new ParkingErrors.SessionNotFound(sessionId);
        if (!Session.DEBT.equals(s.status())) throw new ParkingErrors.NothingDue(sessionId);
        MemberParking m = mine(tenantId, memberId);
        if (!m.hasCard()) throw new ParkingErrors.NoCard();
        long due = s.fee() - s.paid();
        ParkingPayments.Charge c = payments.charge(tenantId, sessionId, due, m.customer(), m.paymentMethod(), false,
                "parking-debt-" + tenantId + "-" + sessionId + "-" + m.paymentMethod());
        if (!c.ok()) throw new ParkingErrors.PaymentFailed(c.declineCode());
        Instant now = clock.instant();
        return change(tenantId, storeId, sessionId, x -> !Session.DEBT.equals(x.status()) ? x
                : x.with(Session.COMPLETED, x.fee(), x.fee(), x.freeMinutes(), now, x.exitedAt(), c.ref(), null));
    }

    // ---- privacy ----

    /** The erasure sweep: plates and cards of members erased (or gone) are erased; how many members. */
    public int eraseGoneMembers() {
        int n = 0;
        for (String[] tm : repo.membersWithPlates()) {
            if (!members.active(tm[0], tm[1])) {
                repo.eraseMember(tm[0], tm[1]);
                n++;
            }
        }
        return n;
    }

    // ---- rules ----

    Quote quote(String tenantId, CarPark p, Session s, Instant now) {
        long free = 0;
        if (s.memberId() != null && !p.memberFreeHours().isEmpty()) {
            LocalDate day = now.atZone(CHINA).toLocalDate();
            long spent = members.spent(tenantId, s.memberId(), s.storeId(), day.atStartOfDay(CHINA).toInstant(), now);
            free = Fees.memberFreeMinutes(p.memberFreeHours(), spent);
        }
        long fee = Fees.fee(p.tariff(), Duration.between(s.enteredAt(), now), free);
        return new Quote(s, fee, Math.max(0, fee - s.paid()), p.tariff().freeMinutes() + free);
    }

    private CarPark carPark(String tenantId, String storeId) {
        CarPark p = repo.carPark(tenantId, storeId);
        if (p == null) throw new ParkingErrors.NoCarPark(storeId);
        return p;
    }

    /**
     * The provider's idempotency key of a payment at the exit: the stay, what it had paid, the amount and the card. A
     * retry of the same payment (a lost answer) is the same charge; another card after a decline, or a fee that grew,
     * is a new one.
     */
    static String payKey(String tenantId, Session s, long due, String paymentMethod) {
        return "parking-pay-" + tenantId + "-" + s.sessionId() + "-" + s.paid() + "-" + due + "-" + paymentMethod;
    }

    private static String sessionId(Instant now) {
        return "ps_" + Long.toString(now.toEpochMilli(), 36) + Ids.next("x").substring(2, 12);
    }

    /** Applies {@code rule} to the stored stay, retrying on a concurrent change. */
    private Session change(String tenantId, String storeId, String sessionId, UnaryOperator<Session> rule) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Session s = repo.session(tenantId, storeId, sessionId);
            if (s == null) throw new ParkingErrors.SessionNotFound(sessionId);
            Session after = rule.apply(s);
            if (after == s) return s;
            if (repo.save(tenantId, s, after)) return after;
        }
        throw new ConcurrentChange("this stay is changing too fast; retry");
    }

    private boolean isDevice(String tenantId, String storeId, String deviceId, String kind) {
        ParkingDevices.Registered d = devices.find(tenantId, storeId, deviceId);
        return d != null && kind.equals(d.kind());
    }

    private void requireStore(Caller caller, String storeId) {
        if (!caller.canSeeStore(storeId) || !stores.test(caller.tenantId(), storeId)) throw new ParkingErrors.StoreNotFound(storeId);
    }
}

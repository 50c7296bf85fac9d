package com.zhidian.office.application;

import com.zhidian.core.Ids;
import com.zhidian.core.auth.Caller;
import com.zhidian.core.auth.Role;
import com.zhidian.office.domain.Announcement;
import com.zhidian.office.domain.AnnouncementRepository;
import com.zhidian.office.domain.OfficeErrors;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Announcements from the owner to staff, and who has read each. */
public final class AnnouncementService {
    /** An announcement as one login sees it: whether they have read it. */
    public record Seen(Announcement announcement, boolean read) {}

    /** Who an announcement reaches, and which of them read it when. */
    public record Receipts(Announcement announcement, List<Reader> readers) {}

    public record Reader(String userId, String name, String role, String readAt) {}

    /** How many announcements one page of the list reads; older ones are not listed. */
    public static final int WINDOW = 100;

    private final AnnouncementRepository repo;
    private final PatrolService.StoreCheck stores;
    private final PatrolService.People people;
    private final Clock clock;

    public AnnouncementService(AnnouncementRepository repo, PatrolService.StoreCheck stores, PatrolService.People people, Clock clock) {
        this.repo = repo;
        this.stores = stores;
        this.people = people;
        this.clock = clock;
    }

    public Announcement post(Caller caller, String title, String body, List<String> storeIds, List<String> roles) {
        List<String> unknown = storeIds.stream().filter(s -> !stores.exists(caller.tenantId(), s)).sorted().toList();
        if (!unknown.isEmpty()) throw new OfficeErrors.UnknownStores(unknown);
        Announcement a = new Announcement(announcementId(clock.instant()), title, body, storeIds, roles, caller.username(),
                clock.instant().toString());
        repo.add(caller.tenantId(), a);
        return a;
    }

    /** Sorts by time of posting (the list reads newest first), then random characters. */
    static String announcementId(Instant now) {
        return "ann_" + String.format("%011x", now.toEpochMilli()) + Ids.next("x").substring(2, 12);
    }

    /** The announcements that reach the caller (the owner: every one), newest first, each with whether they read it. */
    public List<Seen> mine(Caller caller) {
        List<Announcement> reaching = new ArrayList<>();
        for (Announcement a : repo.list(caller.tenantId(), WINDOW, null).items()) {
            if (caller.is(Role.OWNER) || a.reaches(caller.role().claim(), caller.storeIds())) reaching.add(a);
        }
        Set<String> read = repo.readBy(caller.tenantId(), caller.sub(), reaching.stream().map(Announcement::announcementId).toList());
        return reaching.stream().map(a -> new Seen(a, read.contains(a.announcementId()))).toList();
    }

    public Announcement get(Caller caller, String announcementId) {
        Announcement a = repo.find(caller.tenantId(), announcementId).orElseThrow(() -> new OfficeErrors.AnnouncementNotFound(announcementId));
        if (!caller.is(Role.OWNER) && !a.reaches(caller.role().claim(), caller.storeIds())) throw new OfficeErrors.AnnouncementNotFound(announcementId);
        return a;
    }

    /** The caller has read it (once: a second read keeps the first time). */
    public Seen read(Caller caller, String announcementId) {
        Announcement a = get(caller, announcementId);
        String name = people.of(caller.tenantId()).stream().filter(p -> p.userId().equals(caller.sub())).map(PatrolService.Person::name)
                .findFirst().orElse(caller.username());
        repo.markRead(caller.tenantId(), a.announcementId(), new Announcement.Receipt(caller.sub(), name, clock.instant().toString()));
        return new Seen(a, true);
    }

    /** Every enabled login the announcement reaches, read or not (readAt null), and readers since disabled. */
    public Receipts receipts(Caller caller, String announcementId) {
        Announcement a = get(caller, announcementId);
        List<Announcement.Receipt> got = repo.receipts(caller.tenantId(), announcementId);
        List<Reader> out = new ArrayList<>();
        for (PatrolService.Person p : people.of(caller.tenantId())) {
            Announcement.Receipt r = got.stream().filter(x -> x.userId().equals(p.userId())).findFirst().orElse(null);
            boolean reached = p.enabled() && a.reaches(p.role(), p.storeIds());
            if (reached || r != null) out.add(new Reader(p.userId(), p.name(), p.role(), r == null ? null : r.readAt()));
        }
        out.sort((x, y) -> x.readAt() == null ? (y.readAt() == null ? x.name().compareTo(y.name()) : 1)
                : y.readAt() == null ? -1 : x.readAt().compareTo(y.readAt()));
        return new Receipts(a, out);
    }
}

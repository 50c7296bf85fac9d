package com.zhidian.office.application;

import com.zhidian.core.Ids;
import com.zhidian.core.auth.Caller;
import com.zhidian.office.domain.Cameras;
import com.zhidian.office.domain.Checkpoint;
import com.zhidian.office.domain.OfficeErrors;
import com.zhidian.office.domain.PatrolRepository;
import com.zhidian.office.domain.PatrolRoute;
import com.zhidian.office.domain.PatrolRules;
import com.zhidian.office.domain.Round;
import com.zhidian.office.domain.Snapshots;
import com.zhidian.office.domain.VideoPatrol;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Video patrol (视频巡更): camera checkpoints, the sweep's asks for snapshots, the cameras' reports checking a
 * checkpoint in, the tenant's snapshot retention, and the portal's view of a snapshot. A missing snapshot is a missed
 * checkpoint like any other: the sweep that closes the round raises the same alert.
 */
public final class VideoPatrolService {
    private final PatrolService patrols;
    private final PatrolRepository repo;
    private final Cameras cameras;
    private final Snapshots snapshots;
    private final PatrolService.Zones zones;
    private final Clock clock;

    public VideoPatrolService(PatrolService patrols, PatrolRepository repo, Cameras cameras, Snapshots snapshots, PatrolService.Zones zones,
                              Clock clock) {
        this.patrols = patrols;
        this.repo = repo;
        this.cameras = cameras;
        this.snapshots = snapshots;
        this.zones = zones;
        this.clock = clock;
    }

    /** A checkpoint watched by a patrol camera of the store instead of a person. */
    public Checkpoint createCameraCheckpoint(Caller caller, String storeId, String name, String place, String cameraDeviceId) {
        patrols.requireStore(caller, storeId);
        if (cameras.find(caller.tenantId(), storeId, cameraDeviceId) == null) throw new OfficeErrors.UnknownCamera(cameraDeviceId);
        Checkpoint c = new Checkpoint(Ids.next("pcp"), storeId, name, place, null, cameraDeviceId, clock.instant().toString());
        repo.addCheckpoint(caller.tenantId(), c);
        return c;
    }

    public int retentionDays(String tenantId) {
        Integer d = repo.retentionDays(tenantId);
        return d == null ? VideoPatrol.DEFAULT_RETENTION_DAYS : d;
    }

    /** The owner's retention for snapshots taken from now on (those taken already keep the rule they were stored under). */
    public int setRetentionDays(Caller caller, int days) {
        if (!VideoPatrol.RETENTION_DAYS.contains(days)) throw new IllegalArgumentException("a retention the route should have refused: " + days);
        repo.setRetentionDays(caller.tenantId(), days);
        return days;
    }

    /**
     * The sweep's part: for each round open now, every camera checkpoint of it whose camera was not asked yet this
     * round is asked once (its named shadow), with an upload URL for the round's key. Answers how many were asked.
     */
    public int askCameras() {
        Instant now = clock.instant();
        int asked = 0;
        for (PatrolRepository.Swept s : repo.allRoutes()) {
            PatrolRoute route = s.route();
            ZoneId zone = zones.of(s.tenantId());
            Optional<Instant> due = PatrolRules.openDue(route, zone, now);
            if (due.isEmpty()) continue;
            Map<String, Checkpoint> byId = repo.checkpoints(s.tenantId(), route.storeId()).stream()
                    .filter(Checkpoint::byCamera).collect(Collectors.toMap(Checkpoint::checkpointId, Function.identity()));
            if (byId.isEmpty()) continue;
            String roundId = PatrolRules.roundId(route.routeId(), due.get());
            long forget = PatrolRules.closesAt(due.get(), route.toleranceMinutes()).plus(Duration.ofDays(1)).getEpochSecond();
            for (String id : route.checkpointIds()) {
                Checkpoint cp = byId.get(id);
                if (cp == null) continue;
                Cameras.Camera camera = cameras.find(s.tenantId(), route.storeId(), cp.cameraDeviceId());
                // an offline camera is asked all the same (its shadow's delta reaches it when it reconnects in time)
                if (camera == null || !repo.markAsked(s.tenantId(), roundId, id, forget, !camera.online())) continue;
                String key = VideoPatrol.snapshotKey(retentionDays(s.tenantId()), s.tenantId(), route.storeId(), roundId, id);
                cameras.ask(camera.thingName(), new VideoPatrol.Ask(roundId, id, key, snapshots.uploadUrl(key, VideoPatrol.UPLOAD_VALID)));
                asked++;
            }
        }
        return asked;
    }

    /**
     * A camera's report that it stored the snapshot of {@code checkpointId} in {@code roundId} under {@code key}. It
     * counts only from the checkpoint's own camera, for the key asked of it, with the object really stored, while the
     * round is open; anything else is dropped (null).
     */
    public Round report(String tenantId, String storeId, String deviceId, String roundId, String checkpointId, String key) {
        Optional<Checkpoint> found = repo.checkpoint(tenantId, checkpointId);
        if (found.isEmpty()) return null;
        Checkpoint cp = found.get();
        if (!cp.storeId().equals(storeId) || !deviceId.equals(cp.cameraDeviceId())) return null;
        if (!VideoPatrol.isKeyOf(key, tenantId, storeId, roundId, checkpointId) || !snapshots.exists(key)) return null;
        Cameras.Camera camera = cameras.find(tenantId, storeId, deviceId);
        String name = camera == null ? deviceId : camera.name();
        try {
            return patrols.visit(tenantId, cp, route -> roundOf(route, tenantId).map(roundId::equals).orElse(false), deviceId, name, key);
        } catch (OfficeErrors.NoRoundOpen | OfficeErrors.AlreadyVisited | OfficeErrors.RoundClosed e) {
            return null;
        }
    }

    private Optional<String> roundOf(PatrolRoute route, String tenantId) {
        return PatrolRules.openDue(route, zones.of(tenantId), clock.instant()).map(due -> PatrolRules.roundId(route.routeId(), due));
    }

    /** A presigned URL to view a visit's snapshot, or null when there is none or its retention has expired it. */
    public String snapshotUrl(Round.Visit v) {
        if (v.snapshotKey() == null || v.at() == null) return null;
        Instant expires = VideoPatrol.expiresAt(v.snapshotKey(), Instant.parse(v.at()));
        if (expires == null || !clock.instant().isBefore(expires)) return null;
        return snapshots.viewUrl(v.snapshotKey(), VideoPatrol.VIEW_VALID);
    }
}

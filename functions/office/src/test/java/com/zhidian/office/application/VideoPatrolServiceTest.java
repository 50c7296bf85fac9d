package com.zhidian.office.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.core.auth.Caller;
import com.zhidian.core.auth.Role;
import com.zhidian.core.links.SignedLinks;
import com.zhidian.office.domain.Cameras;
import com.zhidian.office.domain.Checkpoint;
import com.zhidian.office.domain.OfficeErrors;
import com.zhidian.office.domain.PatrolAlert;
import com.zhidian.office.domain.Round;
import com.zhidian.office.domain.Snapshots;
import com.zhidian.office.domain.VideoPatrol;
import com.zhidian.office.fakes.InMemoryPatrols;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Video patrol on an injected clock, fake cameras and a fake bucket: asked once per round, checked in only by its own report. */
class VideoPatrolServiceTest {
    static final Instant SET_UP = Instant.parse("2026-12-04T10:00:00Z");
    /** 21:30 in Shanghai. */
    static final Instant DUE = Instant.parse("2026-12-04T13:30:00Z");
    final Instant[] now = {SET_UP};
    final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now[0]; }
    };
    final InMemoryPatrols repo = new InMemoryPatrols();
    final List<VideoPatrol.Ask> asks = new ArrayList<>();
    final Set<String> stored = new HashSet<>();
    final Set<String> offline = new HashSet<>();
    final Cameras cameras = new Cameras() {
        @Override public Camera find(String tenantId, String storeId, String deviceId) {
            return "t1".equals(tenantId) && "s1".equals(storeId) && Set.of("cam1", "cam2").contains(deviceId)
                    ? new Camera(deviceId, storeId, "仓库摄像头", "zd-t1-" + deviceId, !offline.contains(deviceId)) : null;
        }
        @Override public void ask(String thingName, VideoPatrol.Ask ask) { asks.add(ask); }
    };
    final Snapshots snapshots = new Snapshots() {
        @Override public String uploadUrl(String key, Duration valid) { return "https://s3/put/" + key; }
        @Override public String viewUrl(String key, Duration valid) { return "https://s3/get/" + key; }
        @Override public boolean exists(String key) { return stored.contains(key); }
    };
    final PatrolService patrols = new PatrolService(repo, new SignedLinks("test", PatrolService.TAG_PURPOSE), (t, s) -> "s1".equals(s),
            t -> ZoneId.of("Asia/Shanghai"), t -> List.of(), clock);
    final VideoPatrolService video = new VideoPatrolService(patrols, repo, cameras, snapshots, t -> ZoneId.of("Asia/Shanghai"), clock);
    final Caller owner = new Caller("o", "owner@x", Role.OWNER, "t1", Set.of(), null);
    Checkpoint cam;
    Checkpoint person;

    @BeforeEach
    void setUp() {
        cam = video.createCameraCheckpoint(owner, "s1", "仓库", "B1", "cam1");
        person = patrols.createCheckpoint(owner, "s1", "前门", "一楼", null);
        patrols.createRoute(owner, "s1", new PatrolService.NewRoute("夜巡", List.of(cam.checkpointId(), person.checkpointId()), List.of("21:30"), 10,
                List.of(), null));
    }

    @Test
    void aCameraCheckpoint_needsAPatrolCameraOfTheStore() {
        assertTrue(cam.byCamera());
        assertThrows(OfficeErrors.UnknownCamera.class, () -> video.createCameraCheckpoint(owner, "s1", "x", "y", "locker7"));
        assertThrows(OfficeErrors.StoreNotFound.class, () -> video.createCameraCheckpoint(owner, "s2", "x", "y", "cam1"));
    }

    @Test
    void theCameraIsAskedOncePerRound_andItsReportChecksTheCheckpointIn_withItsSnapshot() {
        now[0] = DUE.minusSeconds(20 * 60);
        assertEquals(0, video.askCameras(), "the round is not open yet");
        now[0] = DUE.minusSeconds(5 * 60);
        assertEquals(1, video.askCameras());
        assertEquals(0, video.askCameras(), "asked once per round");
        VideoPatrol.Ask ask = asks.get(0);
        assertEquals(cam.checkpointId(), ask.checkpointId());
        assertTrue(ask.key().startsWith("patrol/r30/t1/s1/"), ask.key());
        assertEquals("https://s3/put/" + ask.key(), ask.uploadUrl());

        assertNull(video.report("t1", "s1", "cam1", ask.roundId(), cam.checkpointId(), ask.key()), "nothing stored yet");
        stored.add(ask.key());
        assertNull(video.report("t1", "s1", "cam2", ask.roundId(), cam.checkpointId(), ask.key()), "another camera's report");
        assertNull(video.report("t1", "s1", "cam1", ask.roundId(), person.checkpointId(), ask.key()), "a checkpoint it does not watch");
        assertNull(video.report("t1", "s1", "cam1", ask.roundId(), cam.checkpointId(), "patrol/r30/t2/s1/x/y.jpg"), "a key it was not asked for");
        Round r = video.report("t1", "s1", "cam1", ask.roundId(), cam.checkpointId(), ask.key());
        assertNotNull(r);
        Round.Visit v = r.visits().get(0);
        assertEquals(Round.ON_TIME, v.status());
        assertEquals("cam1", v.by());
        assertEquals(ask.key(), v.snapshotKey());
        assertEquals("https://s3/get/" + ask.key(), video.snapshotUrl(v));
        assertNull(video.report("t1", "s1", "cam1", ask.roundId(), cam.checkpointId(), ask.key()), "twice in a round: dropped");

        // the person's checkpoint is never visited: the sweep raises the same missed alert as ever, the camera's none
        now[0] = DUE.plusSeconds(40 * 60);
        assertEquals(1, patrols.sweep());
        List<PatrolAlert> alerts = patrols.alerts(owner, "s1", null, 10, null).items();
        assertEquals(List.of(person.checkpointId()), alerts.stream().map(PatrolAlert::checkpointId).toList());

        // after its retention the snapshot is no longer offered (S3's lifecycle rule has deleted it)
        now[0] = DUE.plus(Duration.ofDays(31));
        assertNull(video.snapshotUrl(v));
    }

    @Test
    void noSnapshotInTime_isAMissedCheckpoint_withTheSameAlert() {
        now[0] = DUE.minusSeconds(5 * 60);
        video.askCameras();
        now[0] = DUE.plusSeconds(40 * 60);
        patrols.sweep();
        List<String> missed = patrols.alerts(owner, "s1", null, 10, null).items().stream().map(PatrolAlert::checkpointId).toList();
        assertTrue(missed.contains(cam.checkpointId()), missed.toString());
        assertEquals("missed", patrols.alerts(owner, "s1", null, 10, null).items().get(0).kind());
        assertTrue(patrols.alerts(owner, "s1", null, 10, null).items().stream().allMatch(a -> a.cause() == null),
                "the camera was online when asked: no cause is known");
        // a report arriving after the round closed counts for nothing
        stored.add(asks.get(0).key());
        assertNull(video.report("t1", "s1", "cam1", asks.get(0).roundId(), cam.checkpointId(), asks.get(0).key()));
    }

    @Test
    void aCameraOfflineWhenAsked_missesItsCheckpoint_andTheAlertSaysWhy() {
        offline.add("cam1");
        now[0] = DUE.minusSeconds(5 * 60);
        assertEquals(1, video.askCameras(), "asked all the same: it may reconnect in time");
        now[0] = DUE.plusSeconds(40 * 60);
        assertEquals(2, patrols.sweep());
        List<PatrolAlert> alerts = patrols.alerts(owner, "s1", null, 10, null).items();
        PatrolAlert camera = alerts.stream().filter(a -> a.checkpointId().equals(cam.checkpointId())).findFirst().orElseThrow();
        assertEquals(PatrolAlert.CAMERA_OFFLINE, camera.cause());
        assertEquals(PatrolAlert.MISSED, camera.kind());
        PatrolAlert walked = alerts.stream().filter(a -> a.checkpointId().equals(person.checkpointId())).findFirst().orElseThrow();
        assertNull(walked.cause(), "a person's missed checkpoint has no camera to blame");
    }

    @Test
    void theOwnersRetention_isInTheKey_ofSnapshotsAskedFromThenOn() {
        assertEquals(30, video.retentionDays("t1"));
        video.setRetentionDays(owner, 90);
        now[0] = DUE.minusSeconds(60);
        video.askCameras();
        assertTrue(asks.get(0).key().startsWith("patrol/r90/"), asks.get(0).key());
        assertEquals(Instant.parse("2027-03-05T00:00:00Z"), VideoPatrol.expiresAt(asks.get(0).key(), DUE));
        assertThrows(IllegalArgumentException.class, () -> video.setRetentionDays(owner, 31));
    }
}

package com.zhidian.office.api;

import com.zhidian.office.application.AnnouncementService;
import com.zhidian.office.domain.Announcement;
import com.zhidian.office.domain.Checkpoint;
import com.zhidian.office.domain.PatrolAlert;
import com.zhidian.office.domain.PatrolRoute;
import com.zhidian.office.domain.Round;
import com.zhidian.office.domain.Task;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the office context's answers. */
final class Views {
    private Views() {}

    static Map<String, Object> page(List<?> items, String nextCursor) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", items);
        m.put("nextCursor", nextCursor);
        return m;
    }

    static Map<String, Object> checkpoint(Checkpoint c, String qrCode) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("checkpointId", c.checkpointId());
        v.put("storeId", c.storeId());
        v.put("name", c.name());
        v.put("place", c.place());
        v.put("nfcTagId", c.nfcTagId());
        v.put("cameraDeviceId", c.cameraDeviceId());
        v.put("qrCode", qrCode);
        v.put("createdAt", c.createdAt());
        return v;
    }

    static Map<String, Object> route(PatrolRoute r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("routeId", r.routeId());
        v.put("storeId", r.storeId());
        v.put("name", r.name());
        v.put("checkpointIds", r.checkpointIds());
        v.put("times", r.times());
        v.put("toleranceMinutes", r.toleranceMinutes());
        v.put("staffIds", r.staffIds());
        v.put("effectiveFrom", r.effectiveFrom());
        v.put("createdAt", r.createdAt());
        return v;
    }

    /** A round; {@code snapshotUrl} gives a camera visit's presigned view URL (null once its retention expired it). */
    static Map<String, Object> round(Round r, java.util.function.Function<Round.Visit, String> snapshotUrl) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("roundId", r.roundId());
        v.put("routeId", r.routeId());
        v.put("routeName", r.routeName());
        v.put("storeId", r.storeId());
        v.put("dueAt", r.dueAt());
        v.put("toleranceMinutes", r.toleranceMinutes());
        v.put("status", r.status());
        v.put("visits", r.visits().stream().map(x -> visit(x, snapshotUrl)).toList());
        return v;
    }

    private static Map<String, Object> visit(Round.Visit x, java.util.function.Function<Round.Visit, String> snapshotUrl) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("checkpointId", x.checkpointId());
        v.put("name", x.name());
        v.put("status", x.status());
        v.put("at", x.at());
        v.put("by", x.by());
        v.put("byName", x.byName());
        v.put("camera", x.camera());
        if (x.snapshotKey() != null) {
            String url = snapshotUrl.apply(x);
            v.put("snapshotUrl", url);
            v.put("snapshotExpired", url == null);
        }
        return v;
    }

    static Map<String, Object> alert(PatrolAlert a) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("patrolAlertId", a.patrolAlertId());
        v.put("storeId", a.storeId());
        v.put("kind", a.kind());
        v.put("state", a.state());
        v.put("roundId", a.roundId());
        v.put("routeId", a.routeId());
        v.put("routeName", a.routeName());
        v.put("checkpointId", a.checkpointId());
        v.put("checkpointName", a.checkpointName());
        v.put("dueAt", a.dueAt());
        v.put("raisedAt", a.raisedAt());
        v.put("resolvedBy", a.resolvedBy());
        v.put("resolvedAt", a.resolvedAt());
        v.put("cause", a.cause());
        return v;
    }

    static Map<String, Object> announcements(List<AnnouncementService.Seen> seen) {
        Map<String, Object> m = page(seen.stream().map(Views::announcement).toList(), null);
        m.put("unread", seen.stream().filter(s -> !s.read()).count());
        return m;
    }

    static Map<String, Object> announcement(AnnouncementService.Seen s) {
        Announcement a = s.announcement();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("announcementId", a.announcementId());
        v.put("title", a.title());
        v.put("body", a.body());
        v.put("storeIds", a.storeIds());
        v.put("roles", a.roles());
        v.put("postedBy", a.postedBy());
        v.put("postedAt", a.postedAt());
        v.put("read", s.read());
        return v;
    }

    static Map<String, Object> receipts(AnnouncementService.Receipts r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("announcementId", r.announcement().announcementId());
        v.put("readCount", r.readers().stream().filter(x -> x.readAt() != null).count());
        v.put("unreadCount", r.readers().stream().filter(x -> x.readAt() == null).count());
        v.put("readers", r.readers().stream().map(x -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("userId", x.userId());
            m.put("name", x.name());
            m.put("role", x.role());
            m.put("readAt", x.readAt());
            return m;
        }).toList());
        return v;
    }

    static Map<String, Object> task(Task t) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("taskId", t.taskId());
        v.put("kind", t.kind());
        v.put("storeId", t.storeId());
        v.put("subject", t.subject());
        v.put("count", t.count());
        v.put("since", t.since());
        v.put("link", t.link());
        return v;
    }
}

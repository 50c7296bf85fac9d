package com.zhidian.local.iot.shadow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One shadow's stored document: the desired and reported sections (null when absent), their metadata
 * mirrors and the version. A deleted shadow keeps its version: "deleting a shadow does not reset its
 * version number to 0" (device-shadow-mqtt.html, /delete). Not thread-safe: the service locks it.
 */
final class Shadow {
    ObjectNode desired;
    ObjectNode reported;
    ObjectNode desiredMeta;
    ObjectNode reportedMeta;
    long version;
    volatile boolean exists;

    /** {@code {"state": {...}, "metadata": {...}, "version": n}}, as in the /documents previous/current. */
    ObjectNode snapshot() {
        ObjectNode doc = ShadowJson.NODES.objectNode();
        doc.set("state", sections(desired, reported));
        doc.set("metadata", sections(desiredMeta, reportedMeta));
        doc.put("version", version);
        return doc;
    }

    ObjectNode state() {
        return sections(desired, reported);
    }

    ObjectNode metadata() {
        return sections(desiredMeta, reportedMeta);
    }

    void clear() {
        desired = reported = desiredMeta = reportedMeta = null;
        exists = false;
    }

    static ObjectNode sections(ObjectNode desired, ObjectNode reported) {
        ObjectNode doc = ShadowJson.NODES.objectNode();
        if (desired != null) {
            doc.set("desired", desired.deepCopy());
        }
        if (reported != null) {
            doc.set("reported", reported.deepCopy());
        }
        return doc;
    }

    /** The section after a partial update: absent leaves it, null removes it, an object merges in. */
    static ObjectNode applied(ObjectNode current, JsonNode patch) {
        if (patch == null) {
            return current;
        }
        if (patch.isNull()) {
            return null;
        }
        ObjectNode next = current == null ? ShadowJson.NODES.objectNode() : current.deepCopy();
        ShadowJson.merge(next, (ObjectNode) patch);
        return next.isEmpty() ? null : next;
    }

    static ObjectNode appliedMeta(ObjectNode current, JsonNode patch, ObjectNode before, long timestamp) {
        if (patch == null) {
            return current;
        }
        if (patch.isNull()) {
            return null;
        }
        ObjectNode next = current == null ? ShadowJson.NODES.objectNode() : current.deepCopy();
        ShadowJson.mergeMetadata(next, (ObjectNode) patch, before, timestamp);
        return next.isEmpty() ? null : next;
    }
}

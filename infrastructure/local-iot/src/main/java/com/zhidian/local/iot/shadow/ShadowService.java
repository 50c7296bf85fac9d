package com.zhidian.local.iot.shadow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The Device Shadow service for classic and named shadows (iot-device-shadows.html): update, get, delete
 * and list, whichever way the request came (MQTT or the data-plane HTTP API). Every accepted update is
 * announced to MQTT subscribers on /update/accepted, /update/delta (when desired and reported differ) and
 * /update/documents, and an accepted delete on /delete/accepted, through the {@link Notifier}; it is called
 * while the shadow is locked, so one shadow's announcements leave in version order.
 */
public final class ShadowService {
    /** "The device's shadow supports 8 KB of data only" (desired and reported; metadata does not count). */
    public static final int MAX_STATE_BYTES = 8192;

    /** Where announcements go: the broker, which delivers them to subscribers. */
    @FunctionalInterface
    public interface Notifier {
        void publish(String topic, byte[] payload);
    }

    private final Clock clock;
    private final Notifier notifier;
    /** thing name → shadow name ("" for the classic shadow) → shadow. */
    private final Map<String, ConcurrentSkipListMap<String, Shadow>> things = new ConcurrentHashMap<>();

    public ShadowService(Clock clock, Notifier notifier) {
        this.clock = clock;
        this.notifier = notifier;
    }

    /** Applies an update request; returns the /update/accepted document or throws the rejection. */
    public ObjectNode update(String thing, String shadowName, byte[] payload) {
        ShadowRequest request = ShadowRequest.parseUpdate(payload);
        Shadow shadow = slot(thing, shadowName);
        synchronized (shadow) {
            if (request.version() != null && request.version() != shadow.version) {
                throw new ShadowException(409, ShadowException.VERSION_CONFLICT, request.clientToken());
            }
            ObjectNode desired = Shadow.applied(shadow.desired, request.desired());
            ObjectNode reported = Shadow.applied(shadow.reported, request.reported());
            if (size(desired) + size(reported) > MAX_STATE_BYTES) {
                throw new ShadowException(413, ShadowException.TOO_LARGE, request.clientToken());
            }
            long now = now();
            // a shadow that did not exist (never, or deleted) has no previous document: AWS sends "previous": null
            JsonNode previous = shadow.exists ? shadow.snapshot() : ShadowJson.NODES.nullNode();
            shadow.desiredMeta = Shadow.appliedMeta(shadow.desiredMeta, request.desired(), shadow.desired, now);
            shadow.reportedMeta = Shadow.appliedMeta(shadow.reportedMeta, request.reported(), shadow.reported, now);
            shadow.desired = desired;
            shadow.reported = reported;
            shadow.version++;
            shadow.exists = true;

            ObjectNode accepted = accepted(request, now, shadow.version);
            String prefix = ShadowTopics.prefix(thing, shadowName);
            notifier.publish(prefix + "/update/accepted", ShadowJson.bytes(accepted));
            ObjectNode delta = ShadowJson.delta(shadow.desired, shadow.reported);
            if (delta != null) {
                ObjectNode doc = ShadowJson.NODES.objectNode();
                doc.put("version", shadow.version);
                doc.put("timestamp", now);
                doc.set("state", delta);
                doc.set("metadata", ShadowJson.deltaMetadata(delta, shadow.desiredMeta));
                token(doc, request.clientToken());
                notifier.publish(prefix + "/update/delta", ShadowJson.bytes(doc));
            }
            ObjectNode documents = ShadowJson.NODES.objectNode();
            documents.set("previous", previous);
            documents.set("current", shadow.snapshot());
            documents.put("timestamp", now);
            token(documents, request.clientToken());
            notifier.publish(prefix + "/update/documents", ShadowJson.bytes(documents));
            return accepted;
        }
    }

    /** The whole document with its delta: the /get/accepted document (and GetThingShadow's body). */
    public ObjectNode get(String thing, String shadowName, String clientToken) {
        Shadow shadow = existing(thing, shadowName, clientToken);
        synchronized (shadow) {
            if (!shadow.exists) {
                throw ShadowException.noShadow(displayName(thing, shadowName), clientToken);
            }
            ObjectNode doc = ShadowJson.NODES.objectNode();
            ObjectNode state = shadow.state();
            ObjectNode delta = ShadowJson.delta(shadow.desired, shadow.reported);
            if (delta != null) {
                state.set("delta", delta);
            }
            doc.set("state", state);
            doc.set("metadata", shadow.metadata());
            doc.put("version", shadow.version);
            doc.put("timestamp", now());
            token(doc, clientToken);
            return doc;
        }
    }

    /**
     * Whether the shadow's reported {@code field} (top level) is the number {@code value} and no delta is left: what a
     * bench or test waiting on thousands of labels asks, without copying the document and its metadata as
     * {@link #get} does (that copy was the largest CPU user of the ESL bench: bench/journal/esl.md).
     */
    public boolean reportsInSync(String thing, String shadowName, String field, long value) {
        ConcurrentSkipListMap<String, Shadow> shadows = things.get(thing);
        Shadow shadow = shadows == null ? null : shadows.get(shadowName == null ? "" : shadowName);
        if (shadow == null) {
            return false;
        }
        synchronized (shadow) {
            JsonNode v = shadow.exists && shadow.reported != null ? shadow.reported.get(field) : null;
            return v != null && v.isNumber() && v.asLong() == value && ShadowJson.delta(shadow.desired, shadow.reported) == null;
        }
    }

    /** Deletes the shadow (keeping its version) and returns the /delete/accepted document. */
    public ObjectNode delete(String thing, String shadowName, String clientToken) {
        Shadow shadow = existing(thing, shadowName, clientToken);
        synchronized (shadow) {
            if (!shadow.exists) {
                throw ShadowException.noShadow(displayName(thing, shadowName), clientToken);
            }
            shadow.clear();
            ObjectNode doc = ShadowJson.NODES.objectNode();
            doc.put("version", shadow.version);
            doc.put("timestamp", now());
            token(doc, clientToken);
            notifier.publish(ShadowTopics.prefix(thing, shadowName) + "/delete/accepted", ShadowJson.bytes(doc));
            return doc;
        }
    }

    /** The names of the thing's named shadows, sorted, from {@code after} (exclusive) on, at most {@code limit}. */
    public List<String> namedShadows(String thing, String after, int limit) {
        List<String> names = new ArrayList<>();
        ConcurrentSkipListMap<String, Shadow> shadows = things.get(thing);
        if (shadows == null) {
            return names;
        }
        Map<String, Shadow> tail = after == null ? shadows : shadows.tailMap(after, false);
        for (Map.Entry<String, Shadow> e : tail.entrySet()) {
            if (names.size() == limit) {
                break;
            }
            if (!e.getKey().isEmpty() && e.getValue().exists) {
                names.add(e.getKey());
            }
        }
        return names;
    }

    /** Every shadow (deleted ones too, for their versions) as one JSON document, for a snapshot on disk. */
    public ObjectNode export() {
        ObjectNode out = ShadowJson.object();
        things.forEach((thing, shadows) -> {
            ObjectNode perThing = out.putObject(thing);
            shadows.forEach((name, shadow) -> {
                synchronized (shadow) {
                    ObjectNode doc = shadow.snapshot();
                    doc.put("exists", shadow.exists);
                    perThing.set(name, doc);
                }
            });
        });
        return out;
    }

    /** Loads what {@link #export} wrote; call before any request. */
    public void restore(JsonNode exported) {
        exported.fields().forEachRemaining(thing -> thing.getValue().fields().forEachRemaining(named -> {
            JsonNode doc = named.getValue();
            Shadow shadow = slot(thing.getKey(), named.getKey().isEmpty() ? null : named.getKey());
            shadow.desired = object(doc.at("/state/desired"));
            shadow.reported = object(doc.at("/state/reported"));
            shadow.desiredMeta = object(doc.at("/metadata/desired"));
            shadow.reportedMeta = object(doc.at("/metadata/reported"));
            shadow.version = doc.path("version").asLong();
            shadow.exists = doc.path("exists").asBoolean();
        }));
    }

    private static ObjectNode object(JsonNode node) {
        return node.isObject() ? (ObjectNode) node.deepCopy() : null;
    }

    private ObjectNode accepted(ShadowRequest request, long now, long version) {
        ObjectNode state = ShadowJson.NODES.objectNode();
        ObjectNode metadata = ShadowJson.NODES.objectNode();
        if (request.desired() != null) {
            state.set("desired", request.desired().deepCopy());
            metadata.set("desired", ShadowJson.metadataOf(request.desired(), now));
        }
        if (request.reported() != null) {
            state.set("reported", request.reported().deepCopy());
            metadata.set("reported", ShadowJson.metadataOf(request.reported(), now));
        }
        ObjectNode doc = ShadowJson.NODES.objectNode();
        doc.set("state", state);
        doc.set("metadata", metadata);
        doc.put("version", version);
        doc.put("timestamp", now);
        token(doc, request.clientToken());
        return doc;
    }

    private Shadow slot(String thing, String shadowName) {
        return things.computeIfAbsent(thing, t -> new ConcurrentSkipListMap<>())
                .computeIfAbsent(shadowName == null ? "" : shadowName, n -> new Shadow());
    }

    private Shadow existing(String thing, String shadowName, String clientToken) {
        ConcurrentSkipListMap<String, Shadow> shadows = things.get(thing);
        Shadow shadow = shadows == null ? null : shadows.get(shadowName == null ? "" : shadowName);
        if (shadow == null) {
            throw ShadowException.noShadow(displayName(thing, shadowName), clientToken);
        }
        return shadow;
    }

    private static String displayName(String thing, String shadowName) {
        return shadowName == null ? thing : shadowName;
    }

    private static void token(ObjectNode doc, String clientToken) {
        if (clientToken != null) {
            doc.put("clientToken", clientToken);
        }
    }

    private static int size(ObjectNode section) {
        return section == null ? 0 : ShadowJson.bytes(section).length;
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }
}

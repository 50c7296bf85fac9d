package com.zhidian.telemetry.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectReader;
import com.zhidian.core.Json;
import com.zhidian.telemetry.domain.Monitor;
import com.zhidian.telemetry.domain.Watch;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A monitor as a DynamoDB item (its watches and last values as one JSON attribute). */
final class MonitorCodec {
    private MonitorCodec() {}

    // readers made once: a TypeReference resolved on every read showed in the ingest's profile
    private static final ObjectReader LAST = Json.MAPPER.readerFor(new TypeReference<Map<String, Double>>() {});
    private static final ObjectReader WATCHES = Json.MAPPER.readerFor(new TypeReference<Map<String, Map<String, String>>>() {});
    private static final ObjectReader OBJECT = Json.MAPPER.readerFor(new TypeReference<Map<String, Object>>() {});

    static Map<String, AttributeValue> item(String tenantId, String deviceId, Monitor m) {
        Map<String, AttributeValue> i = new LinkedHashMap<>();
        i.put("pk", AttributeValue.fromS(Keys.monitors(tenantId)));
        i.put("sk", AttributeValue.fromS(deviceId));
        i.put("tenantId", AttributeValue.fromS(tenantId));
        i.put("storeId", AttributeValue.fromS(m.storeId()));
        i.put("kind", AttributeValue.fromS(m.kind()));
        if (m.zone() != null) i.put("zone", AttributeValue.fromS(m.zone()));
        if (m.lastAt() != null) i.put("lastAt", AttributeValue.fromS(m.lastAt().toString()));
        if (m.disconnectedAt() != null) i.put("disconnectedAt", AttributeValue.fromS(m.disconnectedAt().toString()));
        i.put("lastSeq", AttributeValue.fromN(Long.toString(m.lastSeq())));
        if (m.kwhTotal() != null) i.put("kwhTotal", AttributeValue.fromN(Double.toString(m.kwhTotal())));
        i.put("occupancy", AttributeValue.fromN(Long.toString(m.occupancy())));
        i.put("last", AttributeValue.fromS(Json.write(m.last())));
        Map<String, Map<String, String>> watches = new LinkedHashMap<>();
        m.watches().forEach((rule, w) -> {
            Map<String, String> o = new LinkedHashMap<>();
            if (w.breachSince() != null) o.put("since", w.breachSince().toString());
            if (w.alertId() != null) o.put("alertId", w.alertId());
            watches.put(rule, o);
        });
        i.put("watches", AttributeValue.fromS(Json.write(watches)));
        Monitor.Usual u = m.usual();
        if (u != null) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("hour", u.hour().toString());
            o.put("soFar", u.soFar());
            if (u.level() != null) o.put("level", u.level());
            o.put("weeks", u.weeks());
            i.put("usual", AttributeValue.fromS(Json.write(o)));
        }
        i.put("version", AttributeValue.fromN(Long.toString(m.version() + 1)));
        // the watch index is sparse: a device already alerted as silent leaves it until it speaks again
        // (sorted by the earlier of its last reading and its disconnect; a connected device without telemetry is not in it)
        Instant heard = m.lastAt() == null ? m.disconnectedAt()
                : m.disconnectedAt() != null && m.disconnectedAt().isBefore(m.lastAt()) ? m.disconnectedAt() : m.lastAt();
        if (heard != null && !m.watch(com.zhidian.telemetry.domain.Alert.DEVICE_SILENT).alerting()) {
            i.put("gsi1pk", AttributeValue.fromS(Keys.quiet(tenantId, deviceId)));
            i.put("gsi1sk", AttributeValue.fromS(heard + "#" + tenantId + "#" + deviceId));
        }
        return i;
    }

    static Monitor monitor(Map<String, AttributeValue> i) {
        if (i == null || i.isEmpty()) return null;
        try {
            Map<String, Double> last = LAST.readValue(i.get("last").s());
            Map<String, Map<String, String>> raw = WATCHES.readValue(i.get("watches").s());
            Map<String, Watch> watches = new LinkedHashMap<>();
            raw.forEach((rule, o) -> watches.put(rule, new Watch(o.get("since") == null ? null : Instant.parse(o.get("since")), o.get("alertId"))));
            AttributeValue kwh = i.get("kwhTotal");
            Monitor.Usual usual = null;
            if (i.get("usual") != null) {
                Map<String, Object> o = OBJECT.readValue(i.get("usual").s());
                usual = new Monitor.Usual(Instant.parse((String) o.get("hour")), ((Number) o.get("soFar")).doubleValue(),
                        o.get("level") == null ? null : ((Number) o.get("level")).doubleValue(), ((Number) o.get("weeks")).intValue());
            }
            AttributeValue zone = i.get("zone");
            AttributeValue lastAt = i.get("lastAt"), off = i.get("disconnectedAt");
            return new Monitor(i.get("storeId").s(), i.get("kind").s(), zone == null ? null : zone.s(), lastAt == null ? null : Instant.parse(lastAt.s()),
                    Long.parseLong(i.get("lastSeq").n()), kwh == null ? null : Double.parseDouble(kwh.n()), Long.parseLong(i.get("occupancy").n()),
                    Map.copyOf(last), Map.copyOf(watches), Long.parseLong(i.get("version").n()), usual, off == null ? null : Instant.parse(off.s()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable monitor " + i.get("sk"), e);
        }
    }
}

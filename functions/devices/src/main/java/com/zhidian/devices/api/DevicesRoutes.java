package com.zhidian.devices.api;

import static com.zhidian.core.auth.Role.OWNER;
import static com.zhidian.core.auth.Role.STAFF;

import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.devices.application.DeviceService;
import com.zhidian.devices.application.LabelService;
import com.zhidian.devices.domain.Device;
import com.zhidian.devices.domain.Gtins;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The device registry of a store: register (owner), list with presence (owner, staff), decommission (owner). */
final class DevicesRoutes {
    private DevicesRoutes() {}

    static void register(Routes routes, DeviceService s, LabelService labels) {
        routes.on("POST /stores/{storeId}/devices", Set.of(OWNER), r -> {
            String store = r.pathId("storeId");
            Fields f = r.fields("kind", "name", "gtin", "provisioning");
            String kind = f.requiredEnum("kind", Device.KINDS);
            String name = f.requiredString("name", 1, 80);
            String gtin = f.optionalString("gtin", 1, 14);
            // named as a field error, as every other context's bad GTIN (the domain checks again)
            if (gtin != null && !Gtins.valid(gtin)) f.reject("gtin", "is not a GTIN-8/12/13/14 with a valid check digit");
            if (gtin != null && kind != null && !Device.ESL.equals(kind)) f.reject("gtin", "only a shelf label (esl) is bound to a product");
            String provisioning = f.optionalEnum("provisioning", Set.of("credentials", "claim"));
            f.check();
            if ("claim".equals(provisioning)) {
                // the device provisions itself with the tenant's claim (fleet provisioning MQTT API)
                DeviceService.ByClaim c = s.registerByClaim(r.caller(), store, kind, name.strip(), gtin);
                labels.bound(r.caller().tenantId(), c.device());
                Map<String, Object> body = device(c.device());
                body.put("mqtt", Map.of("host", c.claim().host(), "port", c.claim().port()));
                body.put("claim", Map.of("templateName", c.claim().templateName(), "parameters", c.claim().parameters()));
                return Response.created(body);
            }
            DeviceService.Registered d = s.register(r.caller(), store, kind, name.strip(), gtin);
            labels.bound(r.caller().tenantId(), d.device());
            Map<String, Object> body = device(d.device());
            body.put("mqtt", Map.of("host", d.credential().host(), "port", d.credential().port()));
            body.put("credentials", Map.of("clientId", d.credential().clientId(), "password", d.credential().password()));
            return Response.created(body);
        })
        .on("GET /stores/{storeId}/devices", Set.of(OWNER, STAFF), r -> {
            List<Map<String, Object>> items = s.list(r.caller(), r.pathId("storeId")).stream()
                    .map(d -> LabelsRoutes.withStatus(d, labels)).toList();
            return Response.ok(Map.of("items", items));
        })
        .on("DELETE /stores/{storeId}/devices/{deviceId}", Set.of(OWNER), r -> {
            s.decommission(r.caller(), r.pathId("storeId"), r.pathId("deviceId"));
            return Response.noContent();
        });
    }

    static Map<String, Object> device(Device d) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("deviceId", d.deviceId());
        o.put("storeId", d.storeId());
        o.put("thingName", d.thingName());
        o.put("kind", d.kind());
        o.put("name", d.name());
        if (d.gtin() != null) o.put("gtin", d.gtin());
        o.put("status", d.presence().online() ? "online" : "offline");
        o.put("lastSeen", d.presence().lastSeenMillis() == 0 ? null : Instant.ofEpochMilli(d.presence().lastSeenMillis()).toString());
        o.put("createdAt", d.createdAt());
        return o;
    }
}

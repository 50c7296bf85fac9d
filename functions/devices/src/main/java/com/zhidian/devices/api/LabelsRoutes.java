package com.zhidian.devices.api;

import static com.zhidian.core.auth.Role.OWNER;
import static com.zhidian.core.auth.Role.STAFF;

import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.devices.application.LabelService;
import com.zhidian.devices.domain.Device;
import com.zhidian.devices.domain.Gtins;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Shelf labels: an owner re-pushes a label's content; staff make the labels of a list of products flash. */
final class LabelsRoutes {
    static final int MAX_GTINS = 100;
    private static final Pattern DIGITS = Pattern.compile("[0-9]{8}|[0-9]{12,14}");

    private LabelsRoutes() {}

    static void register(Routes routes, LabelService labels) {
        routes.on("POST /stores/{storeId}/devices/{deviceId}/push", Set.of(OWNER), r -> {
            Device d = labels.repush(r.caller(), r.pathId("storeId"), r.pathId("deviceId"));
            return Response.ok(withStatus(d, labels));
        })
        .on("POST /stores/{storeId}/labels/flash", Set.of(OWNER, STAFF), r -> {
            String store = r.pathId("storeId");
            Fields f = r.fields("gtins", "minutes");
            List<String> gtins = f.optionalStrings("gtins", MAX_GTINS, DIGITS, "must be a GTIN-8/12/13/14");
            if (gtins == null && !f.has("gtins")) f.reject("gtins", Fields.REQUIRED, "is required");
            else if (gtins != null && gtins.isEmpty()) f.reject("gtins", Fields.TOO_FEW, "must hold at least 1 item");
            else if (gtins != null) {
                for (int i = 0; i < gtins.size(); i++) {
                    if (DIGITS.matcher(gtins.get(i)).matches() && !Gtins.valid(gtins.get(i))) {
                        f.reject("gtins", "has " + gtins.get(i) + ", whose check digit is wrong");
                    }
                }
            }
            Long minutes = f.optionalLong("minutes", 1, 240);
            f.check();
            LabelService.Flash flash = labels.flash(r.caller(), store, gtins, minutes == null ? 15 : minutes.intValue());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("requestId", flash.requestId());
            body.put("until", flash.until().toString());
            body.put("deviceIds", flash.deviceIds());
            body.put("unmatched", flash.unmatched());
            return Response.ok(body);
        });
    }

    /** A device as the list shows it, with a shelf label's sync, shown and wanted price and flash. */
    static Map<String, Object> withStatus(Device d, LabelService labels) {
        Map<String, Object> o = DevicesRoutes.device(d);
        if (Device.ESL.equals(d.kind()) && d.gtin() != null) {
            LabelService.Status s = labels.status(d);
            o.put("sync", s.sync().code());
            o.put("shownPrice", s.shownPrice());
            o.put("wantedPrice", s.wantedPrice());
            o.put("unitPrice", s.unitPrice());
            if (s.firmware() != null) o.put("firmware", s.firmware());
            if (s.battery() != null) o.put("battery", s.battery());
            if (s.flash() != null) o.put("flash", s.flash());
        }
        return o;
    }
}

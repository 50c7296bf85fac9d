package com.zhidian.stores.api;

import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Formats;
import com.zhidian.core.tenancy.StoreCodes;
import com.zhidian.stores.application.StoresService;
import java.util.Set;

/** A store's fields in a body: {@code POST /stores}, and each of the stores of an onboarding. */
public final class StoreFields {
    public static final Set<String> NAMES = Set.of("name", "format", "address", "timeZone", "orderPrefix");

    private StoreFields() {}

    /** The fields of {@code PATCH /stores/{storeId}}: any of the store's own, its {@code orderPrefix}, and {@code status} (open or closed). */
    public static java.util.Map<String, String> readChanges(Fields f) {
        java.util.Map<String, String> c = new java.util.LinkedHashMap<>();
        String name = f.optionalString("name", 1, 100);
        String format = f.optionalEnum("format", Formats.STORE_FORMATS);
        String address = f.optionalString("address", 1, 200);
        String zone = f.optionalString("timeZone", 1, 64);
        if (zone != null && !Formats.isZone(zone)) f.reject("timeZone", "must be an IANA time zone such as Asia/Shanghai");
        String status = f.optionalEnum("status", Set.of("open", "closed"));
        String code = code(f);
        if (name != null) c.put("name", name);
        if (code != null) c.put("orderPrefix", code);
        if (format != null) c.put("format", format);
        if (address != null) c.put("address", address);
        if (zone != null) c.put("timeZone", zone);
        if (status != null) c.put("status", status);
        return c;
    }

    /** The optional {@code orderPrefix}, the store's code that starts its order numbers: 2–6 letters or digits, kept upper case. */
    public static String code(Fields f) {
        String asked = f.optionalString("orderPrefix", 1, 20);
        String code = StoreCodes.normalize(asked);
        if (asked != null && code == null) f.reject("orderPrefix", "must be 2 to 6 letters or digits, such as NJD");
        return code;
    }

    /** Reads a store's fields; the store's zone defaults to its tenant's. */
    public static StoresService.NewStore read(Fields f, String defaultZone) {
        String name = f.requiredString("name", 1, 100);
        String format = f.requiredEnum("format", Formats.STORE_FORMATS);
        String address = f.requiredString("address", 1, 200);
        String zone = f.optionalString("timeZone", 1, 64);
        if (zone != null && !Formats.isZone(zone)) f.reject("timeZone", "must be an IANA time zone such as Asia/Shanghai");
        return new StoresService.NewStore(name, format, address, zone == null ? defaultZone : zone, code(f));
    }
}

package com.zhidian.stores.api;

import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Formats;
import com.zhidian.stores.application.StoresService;
import java.util.Set;

/** A store's fields in a body: {@code POST /stores}, and each of the stores of an onboarding. */
public final class StoreFields {
    public static final Set<String> NAMES = Set.of("name", "format", "address", "timeZone");

    private StoreFields() {}

    /** Reads a store's fields; the store's zone defaults to its tenant's. */
    public static StoresService.NewStore read(Fields f, String defaultZone) {
        String name = f.requiredString("name", 1, 100);
        String format = f.requiredEnum("format", Formats.STORE_FORMATS);
        String address = f.requiredString("address", 1, 200);
        String zone = f.optionalString("timeZone", 1, 64);
        if (zone != null && !Formats.isZone(zone)) f.reject("timeZone", "must be an IANA time zone such as Asia/Shanghai");
        return new StoresService.NewStore(name, format, address, zone == null ? defaultZone : zone);
    }
}

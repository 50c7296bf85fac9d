package com.zhidian.devices.application;

import com.zhidian.core.Ids;
import com.zhidian.core.auth.Caller;
import com.zhidian.devices.domain.Device;
import com.zhidian.devices.domain.DeviceErrors;
import com.zhidian.devices.domain.DeviceRepository;
import com.zhidian.devices.domain.Gtins;
import com.zhidian.devices.domain.Presence;
import com.zhidian.devices.domain.ProductDirectory;
import com.zhidian.devices.domain.StoreDirectory;
import com.zhidian.devices.domain.ThingRegistry;
import java.time.Clock;
import java.util.List;

/** The device registry of a store: register (thing + credential), list with presence, decommission. */
public final class DeviceService {
    /** A registered device and the credential it is given this once. */
    public record Registered(Device device, ThingRegistry.Credential credential) {}

    private final DeviceRepository devices;
    private final StoreDirectory stores;
    private final ProductDirectory products;
    private final ThingRegistry things;
    private final Clock clock;

    public DeviceService(DeviceRepository devices, StoreDirectory stores, ProductDirectory products, ThingRegistry things, Clock clock) {
        this.devices = devices;
        this.stores = stores;
        this.products = products;
        this.things = things;
        this.clock = clock;
    }

    /** A device registered to provision itself by claim: its item now, its thing when it provisions. */
    public record ByClaim(Device device, ThingRegistry.ClaimPath claim) {}

    public Registered register(Caller caller, String storeId, String kind, String name, String gtin) {
        String boundGtin = checked(caller, storeId, kind, gtin);
        String deviceId = Ids.next("dv");
        String thingName = Device.thingName(caller.tenantId(), deviceId);
        // the thing first: a device item never names a thing that does not exist; a thing without its item (the put
        // failed) has no credential anyone knows and is not listed
        ThingRegistry.Credential credential = things.provision(caller.tenantId(), storeId, deviceId, thingName, kind);
        Device device = new Device(deviceId, storeId, kind, name, boundGtin, thingName, clock.instant().toString(), Presence.NEVER,
                Device.Push.NONE);
        devices.add(caller.tenantId(), device);
        return new Registered(device, credential);
    }

    /**
     * The device provisions itself with the tenant's claim (fleet provisioning by claim): its item names the thing the
     * template will make ({@code zd-<tenantId>-<deviceId>}), listed offline until the device connects as it.
     */
    public ByClaim registerByClaim(Caller caller, String storeId, String kind, String name, String gtin) {
        String boundGtin = checked(caller, storeId, kind, gtin);
        String deviceId = Ids.next("dv");
        ThingRegistry.ClaimPath path = things.claimPath(caller.tenantId(), storeId, deviceId, kind);
        Device device = new Device(deviceId, storeId, kind, name, boundGtin, Device.thingName(caller.tenantId(), deviceId),
                clock.instant().toString(), Presence.NEVER, Device.Push.NONE);
        devices.add(caller.tenantId(), device);
        return new ByClaim(device, path);
    }

    private String checked(Caller caller, String storeId, String kind, String gtin) {
        requireStore(caller, storeId);
        String boundGtin = null;
        if (gtin != null) {
            if (!Device.ESL.equals(kind)) throw new DeviceErrors.GtinNotForKind(kind);
            boundGtin = Gtins.parse(gtin);
            // a label shows one of the tenant's products; another tenant's GTIN is as unknown as no product
            if (!products.exists(caller.tenantId(), boundGtin)) throw new DeviceErrors.ProductNotFound(gtin);
        }
        return boundGtin;
    }

    public List<Device> list(Caller caller, String storeId) {
        requireStore(caller, storeId);
        return devices.inStore(caller.tenantId(), storeId);
    }

    public void decommission(Caller caller, String storeId, String deviceId) {
        requireStore(caller, storeId);
        Device device = devices.find(caller.tenantId(), deviceId);
        if (device == null || !device.storeId().equals(storeId)) throw new DeviceErrors.DeviceNotFound(deviceId);
        things.decommission(device.thingName());
        devices.remove(caller.tenantId(), deviceId);
    }

    /** A lifecycle event of the broker ({@code $aws/events/presence/<eventType>/<clientId>}); connect_failed changes nothing. */
    public void presence(String clientId, String eventType, long timestampMillis) {
        String[] ids = Device.tenantAndDevice(clientId);
        if (ids == null || !Presence.changes(eventType)) return;
        devices.seen(ids[0], ids[1], "connected".equals(eventType), timestampMillis);
    }

    private void requireStore(Caller caller, String storeId) {
        if (!caller.canSeeStore(storeId) || !stores.exists(caller.tenantId(), storeId)) throw new DeviceErrors.StoreNotFound(storeId);
    }
}

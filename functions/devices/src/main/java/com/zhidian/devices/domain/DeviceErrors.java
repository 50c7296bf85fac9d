package com.zhidian.devices.domain;

import com.zhidian.core.errors.DomainException;
import java.util.Map;

/** The devices context's refusals (codes and facts; the api package's table gives them status and words). */
public final class DeviceErrors {
    private DeviceErrors() {}

    public static final class StoreNotFound extends DomainException {
        public StoreNotFound(String storeId) { super("store.not_found", Map.of("storeId", storeId)); }
    }

    public static final class DeviceNotFound extends DomainException {
        public DeviceNotFound(String deviceId) { super("device.not_found", Map.of("deviceId", deviceId)); }
    }

    public static final class ProductNotFound extends DomainException {
        public ProductNotFound(String gtin) { super("product.not_found", Map.of("gtin", gtin)); }
    }

    public static final class InvalidGtin extends DomainException {
        public InvalidGtin(String gtin) { super("device.gtin_invalid", Map.of("gtin", gtin)); }
    }

    /** A gtin on a device that shows no product. */
    public static final class GtinNotForKind extends DomainException {
        public GtinNotForKind(String kind) { super("device.gtin_not_for_kind", Map.of("kind", kind)); }
    }

    /** A re-push of a device that is not a shelf label bound to a product. */
    public static final class NotABoundLabel extends DomainException {
        public NotABoundLabel(String deviceId) { super("device.not_a_bound_label", Map.of("deviceId", deviceId)); }
    }
}

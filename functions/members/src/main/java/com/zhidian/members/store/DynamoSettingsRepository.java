package com.zhidian.members.store;

import static com.zhidian.core.aws.Items.key;
import static com.zhidian.core.aws.Items.n;
import static com.zhidian.core.aws.Items.num;
import static com.zhidian.core.aws.Items.s;
import static com.zhidian.core.aws.Items.str;

import com.zhidian.core.Env;
import com.zhidian.core.tenancy.TenantDirectory;
import com.zhidian.members.PointsSettings;
import com.zhidian.members.SettingsRepository;
import java.time.ZoneId;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The tenant's points settings item, and its time zone from the tenant directory (default Asia/Shanghai). */
public final class DynamoSettingsRepository implements SettingsRepository {
    private static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private final DynamoDbClient db;
    private final TenantDirectory tenants;
    private final String table = Env.tableName();

    public DynamoSettingsRepository(DynamoDbClient db, TenantDirectory tenants) {
        this.db = db;
        this.tenants = tenants;
    }

    /**
     * Every adjust and earning needs the settings, and owners change them rarely: they are kept for 5 s per
     * container (the max age Powertools Parameters uses by default). The container that saves them sees the
     * new ones at once; another one within those seconds.
     */
    @Override
    public PointsSettings points(String tenantId) {
        long now = System.nanoTime();
        CachedSettings c = settings.get(tenantId);
        if (c != null && now - c.atNanos() < SETTINGS_TTL_NANOS) return c.settings();
        PointsSettings p = read(tenantId);
        remember(tenantId, p, now);
        return p;
    }

    private PointsSettings read(String tenantId) {
        Map<String, AttributeValue> i = db.getItem(b -> b.tableName(table)
                .key(key(Keys.settings(tenantId), Keys.SETTINGS_POINTS_SK))).item();
        if (i == null || i.isEmpty()) return PointsSettings.defaults();
        return new PointsSettings((int) num(i, "pointsPerYuan"), (int) num(i, "returnWindowDays"),
                PointsSettings.Expiry.of(str(i, "expiry")).orElse(PointsSettings.Expiry.END_OF_FOLLOWING_YEAR),
                (int) num(i, "expiryMonths"));
    }

    private void remember(String tenantId, PointsSettings p, long atNanos) {
        if (settings.size() > 10_000) settings.clear();
        settings.put(tenantId, new CachedSettings(p, atNanos));
    }

    @Override
    public void savePoints(String tenantId, PointsSettings p) {
        Map<String, AttributeValue> item = key(Keys.settings(tenantId), Keys.SETTINGS_POINTS_SK);
        item.put("pointsPerYuan", n(p.pointsPerYuan()));
        item.put("returnWindowDays", n(p.returnWindowDays()));
        item.put("expiry", s(p.expiry().code()));
        item.put("expiryMonths", n(p.expiryMonths()));
        db.putItem(b -> b.tableName(table).item(item));
        remember(tenantId, p, System.nanoTime());
    }

    /** A tenant's zone is set at onboarding and not changed by the API, so it is kept for ten minutes. */
    @Override
    public ZoneId zone(String tenantId) {
        long now = System.nanoTime();
        Cached c = ZONES.get(tenantId);
        if (c != null && now - c.atNanos() < ZONE_TTL_NANOS) return c.zone();
        TenantDirectory.Standing s = tenants.standing(tenantId);
        ZoneId zone = DEFAULT_ZONE;
        if (s != null && s.timeZone() != null) {
            try {
                zone = ZoneId.of(s.timeZone());
            } catch (RuntimeException e) {
                zone = DEFAULT_ZONE;
            }
        }
        if (ZONES.size() > 10_000) ZONES.clear();
        ZONES.put(tenantId, new Cached(zone, now));
        return zone;
    }

    private record Cached(ZoneId zone, long atNanos) {}

    private record CachedSettings(PointsSettings settings, long atNanos) {}

    private static final long SETTINGS_TTL_NANOS = 5_000_000_000L;
    private final java.util.concurrent.ConcurrentHashMap<String, CachedSettings> settings = new java.util.concurrent.ConcurrentHashMap<>();

    private static final long ZONE_TTL_NANOS = 600_000_000_000L;
    private static final java.util.concurrent.ConcurrentHashMap<String, Cached> ZONES = new java.util.concurrent.ConcurrentHashMap<>();
}

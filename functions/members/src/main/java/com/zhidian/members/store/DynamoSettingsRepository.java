package com.zhidian.members.store;

import static com.zhidian.core.aws.Items.key;
import static com.zhidian.core.aws.Items.n;
import static com.zhidian.core.aws.Items.num;
import static com.zhidian.core.aws.Items.s;
import static com.zhidian.core.aws.Items.str;

import com.zhidian.core.Env;
import com.zhidian.core.tenancy.TenantDirectory;
import com.zhidian.members.domain.PointsSettings;
import com.zhidian.members.domain.SettingsRepository;
import java.time.Duration;
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
    private final TimedCache<PointsSettings> settings = new TimedCache<>(Duration.ofSeconds(5));
    private final TimedCache<ZoneId> zones = new TimedCache<>(Duration.ofMinutes(10));

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
        return settings.get(tenantId, this::read);
    }

    private PointsSettings read(String tenantId) {
        Map<String, AttributeValue> i = db.getItem(b -> b.tableName(table)
                .key(key(Keys.settings(tenantId), Keys.SETTINGS_POINTS_SK))).item();
        if (i == null || i.isEmpty()) return PointsSettings.defaults();
        return new PointsSettings((int) num(i, "pointsPerYuan"), (int) num(i, "returnWindowDays"),
                PointsSettings.Expiry.of(str(i, "expiry")).orElse(PointsSettings.Expiry.END_OF_FOLLOWING_YEAR),
                (int) num(i, "expiryMonths"), (int) num(i, "welcomePoints"),
                i.containsKey("adjustLimit") ? num(i, "adjustLimit") : PointsSettings.DEFAULT_ADJUST_LIMIT,
                i.containsKey("adjustConfirmAbove") ? num(i, "adjustConfirmAbove") : PointsSettings.DEFAULT_ADJUST_CONFIRM_ABOVE);
    }

    @Override
    public void savePoints(String tenantId, PointsSettings p) {
        Map<String, AttributeValue> item = key(Keys.settings(tenantId), Keys.SETTINGS_POINTS_SK);
        item.put("pointsPerYuan", n(p.pointsPerYuan()));
        item.put("returnWindowDays", n(p.returnWindowDays()));
        item.put("expiry", s(p.expiry().code()));
        item.put("expiryMonths", n(p.expiryMonths()));
        item.put("welcomePoints", n(p.welcomePoints()));
        item.put("adjustLimit", n(p.adjustLimit()));
        item.put("adjustConfirmAbove", n(p.adjustConfirmAbove()));
        db.putItem(b -> b.tableName(table).item(item));
        settings.put(tenantId, p);
    }

    /** A tenant's zone is set at onboarding and not changed by the API, so it is kept for ten minutes. */
    @Override
    public ZoneId zone(String tenantId) {
        return zones.get(tenantId, this::readZone);
    }

    private ZoneId readZone(String tenantId) {
        TenantDirectory.Standing s = tenants.standing(tenantId);
        if (s == null || s.timeZone() == null) return DEFAULT_ZONE;
        try {
            return ZoneId.of(s.timeZone());
        } catch (RuntimeException e) {
            return DEFAULT_ZONE;
        }
    }
}

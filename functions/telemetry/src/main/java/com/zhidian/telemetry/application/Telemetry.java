package com.zhidian.telemetry.application;

import com.zhidian.core.tenancy.TenantDirectory;
import com.zhidian.telemetry.store.DynamoAlerts;
import com.zhidian.telemetry.store.DynamoIngestStore;
import com.zhidian.telemetry.store.DynamoRollups;
import com.zhidian.telemetry.store.DynamoSettings;
import com.zhidian.telemetry.store.DynamoStoreIds;
import com.zhidian.telemetry.domain.SmsSender;
import com.zhidian.telemetry.store.DynamoAlertTexts;
import com.zhidian.telemetry.store.OutboxAlertSms;
import com.zhidian.telemetry.store.SnsAlertSms;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The sensors context's one composition: the API's services, and the ingest (table-wide, for every tenant's devices). */
public record Telemetry(AlertService alerts, SettingsService settings, InsightsService insights, Clock clock) {
    public static Telemetry wire(DynamoDbClient db, TenantDirectory tenants, Clock clock) {
        DynamoSettings settings = new DynamoSettings(db);
        return new Telemetry(new AlertService(new DynamoAlerts(db), tenants, clock), new SettingsService(settings, tenants),
                new InsightsService(new DynamoRollups(db), settings, tenants), clock);
    }

    /** The application interface other contexts raise their store alerts through (lockers, stock-out risk). */
    public static StoreAlerts storeAlerts(DynamoDbClient db, Clock clock) {
        return new StoreAlerts(new DynamoAlerts(db), clock);
    }

    /** The scheduled stock-out-risk job over the catalog's and the tenants' application services. */
    public static StockRiskService stockRisk(DynamoDbClient db, Clock clock) {
        DynamoStoreIds stores = new DynamoStoreIds(db);
        return new StockRiskService(new CatalogStockSource(com.zhidian.catalog.application.CatalogServices.dynamo(db, clock),
                com.zhidian.tenants.application.Tenants.wire(db, clock), stores::of), storeAlerts(db, clock), clock);
    }

    public static IngestService ingest(DynamoDbClient db, Clock clock) {
        return new IngestService(new DynamoIngestStore(db), texts(db, clock), clock);
    }

    /**
     * An alert's SMS: through Amazon SNS when {@code ALERT_SMS_SENDER=sns} (AWS), else into the local outbox (Zhidian
     * Local, tests).
     */
    public static AlertTexts texts(DynamoDbClient db, Clock clock) {
        SmsSender sender = "sns".equals(com.zhidian.core.Env.get("ALERT_SMS_SENDER", "outbox")) ? SnsAlertSms.fromEnvironment() : new OutboxAlertSms(db, clock);
        return new AlertTexts(new DynamoAlertTexts(db), sender, clock);
    }
}

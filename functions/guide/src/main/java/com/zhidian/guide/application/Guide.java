package com.zhidian.guide.application;

import com.zhidian.catalog.application.CatalogServices;
import com.zhidian.core.Env;
import com.zhidian.core.tenancy.TenantDirectory;
import com.zhidian.core.links.SignedLinks;
import com.zhidian.guide.domain.StoreFacts;
import com.zhidian.guide.store.DynamoGuideRepository;
import com.zhidian.stores.application.Stores;
import com.zhidian.stores.application.StoresService;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The guide context's one composition: its service over DynamoDB, with the catalog's application services (products,
 * categories, the one price function) and the stores' service (a store's name and time zone), called in process.
 */
public record Guide(GuideService guide, SignedLinks links, Clock clock) {
    public static Guide wire(DynamoDbClient db, TenantDirectory tenants, Clock clock) {
        StoresService stores = Stores.wire(db, clock);
        StoreFacts facts = (tenantId, storeId) -> stores.find(tenantId, storeId)
                .map(s -> new StoreFacts.Facts(s.name(), s.timeZone(), !com.zhidian.stores.domain.Store.CLOSED.equals(s.status()))).orElse(null);
        return new Guide(new GuideService(new DynamoGuideRepository(db), new CatalogGuideView(CatalogServices.dynamo(db, clock)), facts,
                tenants::hasStore, clock, new Pinyin4jReadings()), new SignedLinks(Env.get("RECEIPT_SECRET", "zhidian-local-receipt-secret"), "guide"), clock);
    }
}

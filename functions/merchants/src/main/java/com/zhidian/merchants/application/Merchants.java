package com.zhidian.merchants.application;

import com.zhidian.core.Env;
import com.zhidian.core.links.SignedLinks;
import com.zhidian.merchants.store.DynamoMerchantRepository;
import com.zhidian.stores.application.Stores;
import com.zhidian.stores.application.StoresService;
import java.time.Clock;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The merchants context's one composition: its service over the real adapters, the stores context's service for a
 * counter's store (name and format, never its keys), and the signers of the public credit links: a counter's credit QR
 * and a complaint's tracking page (the receipt secret, each with a purpose of its own, so one never opens the other).
 */
public record Merchants(MerchantsService merchants, SignedLinks counterLinks, SignedLinks complaintLinks, Clock clock) {
    public static final String COUNTER_LINKS = "credit-counter";
    public static final String COMPLAINT_LINKS = "credit-complaint";

    public static Merchants wire(DynamoDbClient db, Clock clock) {
        StoresService stores = Stores.wire(db, clock);
        MerchantsService.StoreLookup lookup = (tenantId, storeId) -> stores.find(tenantId, storeId)
                .map(s -> new MerchantsService.StoreInfo(s.name(), s.format()))
                .or(Optional::empty);
        String secret = Env.get("RECEIPT_SECRET", "zhidian-local-receipt-secret");
        return new Merchants(new MerchantsService(new DynamoMerchantRepository(db), lookup, clock),
                new SignedLinks(secret, COUNTER_LINKS), new SignedLinks(secret, COMPLAINT_LINKS), clock);
    }
}

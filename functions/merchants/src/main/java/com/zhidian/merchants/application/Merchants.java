package com.zhidian.merchants.application;

import com.zhidian.core.Env;
import com.zhidian.merchants.domain.CreditTokens;
import com.zhidian.merchants.store.DynamoMerchantRepository;
import com.zhidian.stores.application.Stores;
import com.zhidian.stores.application.StoresService;
import java.time.Clock;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The merchants context's one composition: its service over the real adapters, the stores context's service for a
 * counter's store (name and format, never its keys), and the signer of the public credit links (the receipt secret,
 * with a purpose of its own in every signature).
 */
public record Merchants(MerchantsService merchants, CreditTokens tokens, Clock clock) {

    public static Merchants wire(DynamoDbClient db, Clock clock) {
        StoresService stores = Stores.wire(db, clock);
        MerchantsService.StoreLookup lookup = (tenantId, storeId) -> stores.find(tenantId, storeId)
                .map(s -> new MerchantsService.StoreInfo(s.name(), s.format()))
                .or(Optional::empty);
        return new Merchants(new MerchantsService(new DynamoMerchantRepository(db), lookup, clock),
                new CreditTokens(Env.get("RECEIPT_SECRET", "zhidian-local-receipt-secret")), clock);
    }
}

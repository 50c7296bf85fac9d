package com.zhidian.catalog.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.catalog.domain.PriceChange;
import com.zhidian.catalog.domain.PriceRepository;
import com.zhidian.catalog.domain.PriceVersion;
import com.zhidian.core.Ids;
import com.zhidian.core.testing.TestTables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link DynamoPriceRepository#startedBy} against the rule read from each product's whole history ({@code versions}):
 * for each scope asked, the latest version started by its instant. Random tenants: products with none, few or many
 * versions (past the range read's cap of 8 a product, so the one-product reads run too), other stores' versions, future
 * ones, and products between the ones asked (the range holds them, the answer must not).
 */
class StartedByTest {
    private final DynamoPriceRepository prices = new DynamoPriceRepository(TestTables.client());

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void answersWhatEachProductsHistorySays(long seed) {
        Random random = new Random(seed);
        String tenant = Ids.next("t");
        Instant now = Instant.parse("2026-12-05T01:00:00Z");
        List<String> gtins = new ArrayList<>();
        while (gtins.size() < 40) {
            String g = String.format("069%011d", random.nextInt(1_000_000));
            if (!gtins.contains(g)) gtins.add(g);
        }
        RandomPriceHistories.save(prices, tenant, random, gtins, now, g -> random.nextInt(3) == 0 ? 30 : random.nextInt(4));

        Map<PriceRepository.Scope, Instant> asked = new HashMap<>();
        for (String g : gtins) {
            if (random.nextInt(3) == 0) continue;  // products in the range not asked for
            asked.put(new PriceRepository.Scope(g, RandomPriceHistories.STORES[random.nextInt(RandomPriceHistories.STORES.length)]), now.plusSeconds(random.nextInt(3) * 3600L));
        }
        Map<PriceRepository.Scope, PriceVersion> answer = prices.startedBy(tenant, asked);

        int found = 0;
        for (var e : asked.entrySet()) {
            PriceVersion expected = prices.versions(tenant, e.getKey().gtin()).stream()
                    .filter(v -> Objects.equals(v.storeId(), e.getKey().storeId()) && !v.effectiveAt().isAfter(e.getValue()))
                    .max(Comparator.comparing(PriceVersion::effectiveAt)).orElse(null);
            assertEquals(expected, answer.get(e.getKey()), () -> "scope " + e.getKey() + " at " + e.getValue());
            if (expected != null) found++;
        }
        assertTrue(asked.keySet().containsAll(answer.keySet()), "only the scopes asked");
        assertTrue(found > 0, "the seed gave some versions to find");
    }
}

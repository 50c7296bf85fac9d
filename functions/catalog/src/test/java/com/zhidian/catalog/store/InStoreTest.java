package com.zhidian.catalog.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.catalog.domain.PriceChange;
import com.zhidian.catalog.domain.PriceRepository;
import com.zhidian.catalog.domain.PriceVersion;
import com.zhidian.core.Ids;
import com.zhidian.core.testing.RawCalls;
import com.zhidian.core.testing.TestTables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link DynamoPriceRepository#inStore} (a slice of a bulk change's price read for shelf labels) against each product's
 * whole history read alone ({@code versions}), kept to the store's own and the tenant-wide versions. Random tenants:
 * products with none, few or many versions (past the range read's cap, so the one-product reads run too), other stores'
 * versions, and products between the ones asked (the range holds them, the answer must not). And the calls it makes.
 */
class InStoreTest {
    private static final Instant NOW = Instant.parse("2026-12-05T04:30:00Z");

    private final DynamoPriceRepository prices = new DynamoPriceRepository(TestTables.client());

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void answersWhatEachProductsHistorySays(long seed) {
        Random random = new Random(seed);
        String tenant = Ids.next("t");
        List<String> gtins = gtins(random, 40);
        RandomPriceHistories.save(prices, tenant, random, gtins, NOW, g -> random.nextInt(3) == 0 ? 30 : random.nextInt(4));

        for (String store : new String[] {"st_a", "st_b", "st_c"}) {
            Set<String> asked = new HashSet<>();
            for (String g : gtins) if (random.nextInt(3) != 0) asked.add(g);  // the others lie in the range, not asked for
            Map<String, List<PriceVersion>> answer = prices.inStore(tenant, store, asked);

            int found = 0;
            for (String g : asked) {
                List<PriceVersion> expected = prices.versions(tenant, g).stream().filter(v -> v.tenantWide() || v.storeId().equals(store))
                        .sorted(ORDER).toList();
                List<PriceVersion> got = answer.getOrDefault(g, List.of()).stream().sorted(ORDER).toList();
                assertEquals(expected, got, () -> "product " + g + " in " + store);
                if (!expected.isEmpty()) found++;
            }
            assertTrue(asked.containsAll(answer.keySet()), "only the products asked");
            assertTrue(found > 0, "the seed gave some versions to find");
        }
    }

    /** Neighbours with short histories (a bulk change's slice): one Query for the lot, where one a product took as many. */
    @Test
    void aSliceOfNeighboursIsOneQuery() {
        Random random = new Random(7);
        String tenant = Ids.next("t");
        List<String> gtins = gtins(random, 16);
        RandomPriceHistories.save(prices, tenant, random, gtins, NOW, g -> 1 + random.nextInt(3));

        RawCalls raw = new RawCalls(TestTables.client());
        List<RawCalls.Call> calls = new ArrayList<>();
        raw.recordInto(calls);
        Map<String, List<PriceVersion>> answer = new DynamoPriceRepository(raw.client()).inStore(tenant, "st_a", gtins);
        raw.recordInto(null);

        assertEquals(1, calls.size(), "calls " + calls.stream().map(c -> c.method().getName()).toList());
        assertEquals("query", calls.get(0).method().getName());
        assertTrue(answer.size() > 8, "most of the 16 have a version in st_a or tenant-wide: " + answer.size());
    }

    /** Long histories: the range read stops at its cap and the rest are read one product at a time, all of them right. */
    @Test
    void pastTheCapTheRestAreReadOneByOne() {
        Random random = new Random(8);
        String tenant = Ids.next("t");
        List<String> gtins = gtins(random, 6);
        RandomPriceHistories.save(prices, tenant, random, gtins, NOW, g -> 20);

        RawCalls raw = new RawCalls(TestTables.client());
        List<RawCalls.Call> calls = new ArrayList<>();
        raw.recordInto(calls);
        Map<String, List<PriceVersion>> answer = new DynamoPriceRepository(raw.client()).inStore(tenant, "st_b", gtins);
        raw.recordInto(null);

        assertTrue(calls.size() > 1 && calls.size() <= 1 + gtins.size(), "calls: " + calls.size());
        for (String g : gtins) {
            assertEquals(prices.versions(tenant, g).stream().filter(v -> v.tenantWide() || v.storeId().equals("st_b")).sorted(ORDER).toList(),
                    answer.getOrDefault(g, List.of()).stream().sorted(ORDER).toList(), g);
        }
    }

    private static final Comparator<PriceVersion> ORDER = Comparator.comparing((PriceVersion v) -> String.valueOf(v.storeId()))
            .thenComparing(PriceVersion::effectiveAt);

    private static List<String> gtins(Random random, int n) {
        List<String> gtins = new ArrayList<>();
        while (gtins.size() < n) {
            String g = String.format("069%011d", random.nextInt(1_000_000));
            if (!gtins.contains(g)) gtins.add(g);
        }
        return gtins;
    }
}

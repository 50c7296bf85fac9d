package com.zhidian.catalog.store;

import com.zhidian.catalog.domain.PriceChange;
import com.zhidian.catalog.domain.PriceRepository;
import com.zhidian.catalog.domain.PriceVersion;
import com.zhidian.core.Ids;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.ToIntFunction;

/** Random price histories for the range readers' tests: each product's versions over four scopes, past and future of {@code now}. */
final class RandomPriceHistories {
    static final String[] STORES = {null, "st_a", "st_b", "st_a1"};
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private RandomPriceHistories() {}

    /** {@code howMany} versions a product (a duplicate key drawn twice is skipped), written in one saveAll. */
    static void save(PriceRepository prices, String tenant, Random random, List<String> gtins, Instant now, ToIntFunction<String> howMany) {
        List<PriceRepository.Write> writes = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (String g : gtins) {
            int versions = howMany.applyAsInt(g);
            for (int v = 0; v < versions; v++) {
                String store = STORES[random.nextInt(STORES.length)];
                Instant at = now.plusSeconds((random.nextInt(200) - 150) * 3600L);
                if (!keys.add(Keys.priceSk(g, store, at.toString()))) continue;
                writes.add(new PriceRepository.Write(new PriceVersion(g, store, at, 100 + random.nextInt(900), null, null, null, "u", now),
                        new PriceChange(Ids.next("pc"), g, store, at.toString(), null, 1, null, null, null, null, false, "u", MILLIS.format(now))));
            }
        }
        prices.saveAll(tenant, writes);
    }
}

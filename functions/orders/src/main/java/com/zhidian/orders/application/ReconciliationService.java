package com.zhidian.orders.application;

import com.zhidian.core.Log;
import com.zhidian.orders.domain.ProviderLedger;
import com.zhidian.orders.domain.Reconciliation;
import com.zhidian.orders.domain.ReconciliationRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A tenant's day compared: the provider payments and refunds Zhidian recorded that day (the per-day index, no scan
 * of orders) against the provider's balance transactions of the same day in the tenant's zone; the result kept per
 * tenant and day (a later run replaces it). The daily job runs yesterday for every tenant with money on either side.
 */
public final class ReconciliationService {
    private final ReconciliationRepository store;
    private final ProviderLedger ledger;
    private final OrdersService orders;
    private final Clock clock;

    public ReconciliationService(ReconciliationRepository store, ProviderLedger ledger, OrdersService orders, Clock clock) {
        this.store = store;
        this.ledger = ledger;
        this.orders = orders;
        this.clock = clock;
    }

    public ReconciliationRepository.Run run(String tenantId, LocalDate date, String by) {
        ZoneId zone = orders.zone(tenantId);
        long from = date.atStartOfDay(zone).toEpochSecond(), to = date.plusDays(1).atStartOfDay(zone).toEpochSecond();
        List<Reconciliation.Entry> theirs = ledger.movements(from, to).getOrDefault(tenantId, List.of());
        Reconciliation r = Reconciliation.compare(date.toString(), store.recorded(tenantId, date.toString()), theirs);
        ReconciliationRepository.Run run = new ReconciliationRepository.Run(r, clock.instant(), by);
        store.save(tenantId, run);
        return run;
    }

    public Optional<ReconciliationRepository.Run> find(String tenantId, LocalDate date) {
        return store.find(tenantId, date.toString());
    }

    /**
     * The daily job: yesterday (China time, where the tenants trade) for every tenant that recorded provider money that
     * day or appears in the provider's movements around it; each tenant's own day is then cut in its own zone.
     */
    public int runYesterday() {
        LocalDate day = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).minusDays(1);
        Set<String> tenants = new LinkedHashSet<>(store.tenantsWithMoney(day.toString()));
        long from = day.atStartOfDay(ZoneId.of("UTC")).toEpochSecond() - 14 * 3600L, to = from + 86_400L + 28 * 3600L;
        tenants.addAll(ledger.movements(from, to).keySet());
        int n = 0;
        for (String t : tenants) {
            try {
                run(t, day, "system");
                n++;
            } catch (RuntimeException e) {
                Log.error("reconciliation failed", Map.of("tenantId", t, "date", day.toString()), e);
            }
        }
        return n;
    }
}

package com.zhidian.office.fakes;

import com.zhidian.core.paging.Page;
import com.zhidian.office.domain.Checkpoint;
import com.zhidian.office.domain.PatrolAlert;
import com.zhidian.office.domain.PatrolRepository;
import com.zhidian.office.domain.PatrolRoute;
import com.zhidian.office.domain.Round;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The patrol repository in memory, for the use-case tests (one tenant's view per key prefix). */
public final class InMemoryPatrols implements PatrolRepository {
    final Map<String, Checkpoint> checkpoints = new TreeMap<>();
    final Map<String, PatrolRoute> routes = new TreeMap<>();
    final Map<String, String> swept = new TreeMap<>();
    final Map<String, Round> rounds = new TreeMap<>();
    final Map<String, PatrolAlert> alerts = new TreeMap<>();
    final Map<String, Long> asked = new TreeMap<>();
    final Map<String, Integer> retention = new TreeMap<>();

    @Override public void addCheckpoint(String t, Checkpoint c) { checkpoints.put(t + "/" + c.checkpointId(), c); }

    @Override public Optional<Checkpoint> checkpoint(String t, String id) { return Optional.ofNullable(checkpoints.get(t + "/" + id)); }

    @Override public List<Checkpoint> checkpoints(String t, String storeId) {
        return checkpoints.entrySet().stream().filter(e -> e.getKey().startsWith(t + "/") && e.getValue().storeId().equals(storeId)).map(Map.Entry::getValue).toList();
    }

    @Override public void addRoute(String t, PatrolRoute r) { routes.put(t + "/" + r.routeId(), r); }

    @Override public List<PatrolRoute> routes(String t, String storeId) {
        return routes.entrySet().stream().filter(e -> e.getKey().startsWith(t + "/") && e.getValue().storeId().equals(storeId)).map(Map.Entry::getValue).toList();
    }

    @Override public List<Swept> allRoutes() {
        List<Swept> out = new ArrayList<>();
        routes.forEach((k, r) -> out.add(new Swept(k.substring(0, k.indexOf('/')), r, swept.get(k))));
        return out;
    }

    @Override public void markSwept(String t, String storeId, String routeId, String through) { swept.put(t + "/" + routeId, through); }

    @Override public Optional<Round> round(String t, String id) { return Optional.ofNullable(rounds.get(t + "/" + id)); }

    @Override public boolean saveRound(String t, Round r, long expected) {
        Round cur = rounds.get(t + "/" + r.roundId());
        if ((cur == null ? 0 : cur.version()) != expected) return false;
        rounds.put(t + "/" + r.roundId(), r);
        return true;
    }

    @Override public Page<Round> rounds(String t, String storeId, int limit, String cursor) {
        return new Page<>(rounds.entrySet().stream().filter(e -> e.getKey().startsWith(t + "/") && e.getValue().storeId().equals(storeId))
                .map(Map.Entry::getValue).sorted(Comparator.comparing(Round::dueAt).reversed()).limit(limit).toList(), null);
    }

    @Override public boolean markAsked(String t, String roundId, String checkpointId, long expires, boolean cameraOffline) {
        boolean first = asked.putIfAbsent(t + "/" + roundId + "/" + checkpointId, expires) == null;
        if (first && cameraOffline) offline.add(t + "/" + roundId + "/" + checkpointId);
        return first;
    }
    @Override public java.util.Set<String> offlineAsks(String t, String roundId) {
        java.util.Set<String> out = new java.util.HashSet<>();
        String prefix = t + "/" + roundId + "/";
        for (String k : offline) if (k.startsWith(prefix)) out.add(k.substring(prefix.length()));
        return out;
    }
    private final java.util.Set<String> offline = java.util.concurrent.ConcurrentHashMap.newKeySet();
    @Override public Integer retentionDays(String t) { return retention.get(t); }
    @Override public void setRetentionDays(String t, int days) { retention.put(t, days); }
    @Override public boolean raise(String t, PatrolAlert a) { return alerts.putIfAbsent(t + "/" + a.patrolAlertId(), a) == null; }

    @Override public Optional<PatrolAlert> alert(String t, String id) { return Optional.ofNullable(alerts.get(t + "/" + id)); }

    @Override public void saveAlert(String t, PatrolAlert a) { alerts.put(t + "/" + a.patrolAlertId(), a); }

    @Override public Page<PatrolAlert> alerts(String t, String storeId, String state, int limit, String cursor) {
        return new Page<>(alerts.entrySet().stream().filter(e -> e.getKey().startsWith(t + "/"))
                .map(Map.Entry::getValue).filter(a -> storeId == null || a.storeId().equals(storeId))
                .filter(a -> state == null || a.state().equals(state)).limit(limit).toList(), null);
    }
}

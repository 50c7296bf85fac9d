package com.zhidian.office.application;

import com.zhidian.core.auth.Caller;
import com.zhidian.core.auth.Role;
import com.zhidian.office.domain.OfficeErrors;
import com.zhidian.office.domain.PatrolAlert;
import com.zhidian.office.domain.Round;
import com.zhidian.office.domain.Task;
import com.zhidian.core.scope.ScopedPool;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A staff member's task list: what the other contexts ask of people in the caller's stores, read through their
 * application services (never their tables) each time, so a task drops off when its thing is done. The stores' sources
 * are read in parallel on a small bounded pool ({@link ScopedPool}: each part under the caller's tenant), and the
 * tasks come out in the stores' order and, within a store, in the sources' order, as if read one after another.
 */
public final class TaskService {
    /** One source of tasks: another context's open things in a store, as tasks. */
    public interface Source {
        List<Task> tasks(Caller caller, String storeId);
    }

    /** The stores of a tenant (the owner's task list spans them all). */
    public interface AllStores {
        List<String> of(String tenantId);
    }

    private final List<Source> sources;
    private final PatrolService patrols;
    private final AllStores stores;
    private final PatrolService.StoreCheck exists;
    private final ScopedPool pool;

    public TaskService(List<Source> sources, PatrolService patrols, AllStores stores, PatrolService.StoreCheck exists, ScopedPool pool) {
        this.sources = List.copyOf(sources);
        this.patrols = patrols;
        this.stores = stores;
        this.exists = exists;
        this.pool = pool;
    }

    public List<Task> mine(Caller caller, String storeId) {
        List<String> within;
        if (storeId != null) {
            if (!caller.canSeeStore(storeId) || !exists.exists(caller.tenantId(), storeId)) throw new OfficeErrors.StoreNotFound(storeId);
            within = List.of(storeId);
        } else {
            within = caller.is(Role.OWNER) ? stores.of(caller.tenantId()) : caller.storeIds().stream().sorted().toList();
        }
        List<Callable<List<Task>>> parts = new ArrayList<>();
        for (String s : within) {
            parts.add(() -> rounds(caller, s));
            parts.add(() -> patrolAlerts(caller, s));
            for (Source src : sources) parts.add(() -> src.tasks(caller, s));
        }
        List<Task> out = new ArrayList<>();
        for (List<Task> part : pool.all(parts)) out.addAll(part);
        return out;
    }

    private List<Task> rounds(Caller caller, String s) {
        List<Task> out = new ArrayList<>();
        for (Round r : patrols.dueRounds(caller, s)) {
            long pending = r.visits().stream().filter(v -> Round.Visit.PENDING.equals(v.status())).count();
            out.add(new Task("round:" + r.roundId(), Task.PATROL_ROUND, s, r.routeName(), (int) pending, r.dueAt(), "#/patrol/check-in"));
        }
        return out;
    }

    private List<Task> patrolAlerts(Caller caller, String s) {
        List<Task> out = new ArrayList<>();
        for (PatrolAlert a : patrols.alerts(caller, s, PatrolAlert.OPEN, 50, null).items()) {
            out.add(new Task("patrol_alert:" + a.patrolAlertId(), Task.PATROL_ALERT, s, a.routeName() + " · " + a.checkpointName(), 1,
                    a.dueAt(), "#/patrol/alerts"));
        }
        return out;
    }
}

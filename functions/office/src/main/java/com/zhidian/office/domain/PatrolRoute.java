package com.zhidian.office.domain;

import java.util.List;

/**
 * A patrol route of a store: its checkpoints in the order they are walked, the rounds' times of day (HH:mm, in the
 * tenant's time zone), the tolerance either side of a round's time, and the staff assigned to walk it. Rounds count
 * from {@code effectiveFrom}.
 */
public record PatrolRoute(String routeId, String storeId, String name, List<String> checkpointIds, List<String> times,
                          int toleranceMinutes, List<String> staffIds, String effectiveFrom, String createdAt) {
    public PatrolRoute {
        checkpointIds = List.copyOf(checkpointIds);
        times = List.copyOf(times);
        staffIds = List.copyOf(staffIds);
    }
}

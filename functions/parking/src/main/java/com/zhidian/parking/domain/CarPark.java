package com.zhidian.parking.domain;

import java.time.Instant;
import java.util.List;

/**
 * The car park of one store: its zones, its tariff, the members' free hours for what they spent that day, how many
 * plates a member may bind, and how long a car that paid may take to reach the exit ({@code graceMinutes}).
 */
public record CarPark(String storeId, String name, List<Zone> zones, Tariff tariff, List<FreeHours> memberFreeHours, int graceMinutes,
                      Instant updatedAt) {
    public CarPark {
        zones = List.copyOf(zones);
        memberFreeHours = List.copyOf(memberFreeHours);
    }

    public int spaces() {
        return zones.stream().mapToInt(Zone::spaces).sum();
    }

    public boolean hasZone(String zone) {
        return zones.stream().anyMatch(z -> z.zone().equals(zone));
    }
}

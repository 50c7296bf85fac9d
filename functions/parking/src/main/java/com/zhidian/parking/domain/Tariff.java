package com.zhidian.parking.domain;

/**
 * What parking costs in one car park: {@code perHourFen} for each started hour, {@code freeMinutes} free at the start of
 * every stay, at most {@code dailyCapFen} for each 24 hours from the entry.
 */
public record Tariff(long perHourFen, int freeMinutes, long dailyCapFen) {
    public static final long MAX_FEN = 100_000;
    public static final int MAX_FREE_MINUTES = 24 * 60;
}

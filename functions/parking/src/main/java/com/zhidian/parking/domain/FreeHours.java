package com.zhidian.parking.domain;

/** A member who spent at least {@code spendFen} in the store that day parks {@code hours} hours free. */
public record FreeHours(long spendFen, int hours) {}

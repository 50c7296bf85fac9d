package com.zhidian.parking.domain;

/** A zone of a car park (B1, B2, A…) and how many spaces it has. */
public record Zone(String zone, int spaces) {}

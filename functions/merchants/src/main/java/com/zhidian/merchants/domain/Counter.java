package com.zhidian.merchants.domain;

/** A merchant's counter in one department store: where it is (floor and location) and whose it is. */
public record Counter(String counterId, String storeId, String merchantId, String floor, String location, String createdAt) {}

package com.zhidian.catalog.domain;

import java.util.List;

/** Goods moved from one store of the tenant to another (调拨): both sides change together or not at all. */
public record Transfer(String transferId, String fromStoreId, String toStoreId, List<Line> lines, String note, String by, String at) {
    public record Line(String gtin, long quantity) {}
}

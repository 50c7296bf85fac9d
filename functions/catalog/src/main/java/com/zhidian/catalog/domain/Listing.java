package com.zhidian.catalog.domain;

import java.util.List;

/** A page of a list: the items and an opaque cursor to the next page, or null at the end. */
public record Listing<T>(List<T> items, String nextCursor) {}

package com.zhidian.core.paging;

import java.util.List;

/** A page of a list: {@code {"items": [...], "nextCursor": "..." | null}}. */
public record Page<T>(List<T> items, String nextCursor) {}

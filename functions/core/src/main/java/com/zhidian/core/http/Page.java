package com.zhidian.core.http;

import java.util.List;

/** A page of a list: {@code {"items": [...], "nextCursor": "..." | null}}. */
public record Page<T>(List<T> items, String nextCursor) {}

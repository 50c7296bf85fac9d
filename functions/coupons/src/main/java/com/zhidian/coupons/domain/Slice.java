package com.zhidian.coupons.domain;

import java.util.List;

/** A page of a list and the opaque cursor of the next one (null at the end). */
public record Slice<T>(List<T> items, String nextCursor) {}

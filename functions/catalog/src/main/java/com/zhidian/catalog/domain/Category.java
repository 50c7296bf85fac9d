package com.zhidian.catalog.domain;

/** A node of the tenant's two-level category tree: a top-level category (no parent) or a sub-category. */
public record Category(String categoryId, String name, String parentId, String createdAt) {
    public boolean isTop() { return parentId == null; }
}

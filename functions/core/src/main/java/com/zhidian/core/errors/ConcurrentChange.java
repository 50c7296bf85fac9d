package com.zhidian.core.errors;

/**
 * Someone else changed what a use case read (a version check failed): read again and run it again. The
 * rails of a claimed route and {@code Retry.onConflict} both run the work again on this failure.
 */
public class ConcurrentChange extends RuntimeException {
    public ConcurrentChange(String message) {
        super(message, null, false, false);
    }
}

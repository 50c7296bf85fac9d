package com.zhidian.members.domain;

import java.time.Instant;

/**
 * A credit of points, placed on the running credit total: it holds positions
 * {@code (cumEnd - amount, cumEnd]}. Points of a lot are left while {@code consumed < cumEnd}.
 * Lots are credited in time order and their expiry never runs backwards, so expiring every lot due by a
 * time means raising {@code consumed} to the last due lot's {@code cumEnd}: oldest points first.
 */
public record Lot(long cumEnd, long amount, Instant creditedAt, Instant expiresAt) {
    public long remaining(long consumed) {
        return Math.max(0, Math.min(amount, cumEnd - consumed));
    }
}

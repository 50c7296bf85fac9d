package com.zhidian.members.domain;

/**
 * Everything one points operation writes, all or nothing: the account (conditioned on the version read),
 * its ledger entry, and where it applies a new lot, a new pending earning (refused if the order already
 * earned) or the settling of a pending earning (refused unless still open).
 */
public record PointsChange(long expectedVersion, PointsAccount after, LedgerEntry entry, Lot lot,
                           PendingPoints pendingCreated, PendingPoints pendingSettled) {}

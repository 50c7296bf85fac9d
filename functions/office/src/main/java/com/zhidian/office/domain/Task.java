package com.zhidian.office.domain;

/**
 * One thing the system asks of a person now: what kind, in which store, a short subject, how many, since when, and
 * where in the portal it is done ({@code link}, a portal hash). It is not stored: it is read from the thing itself,
 * so it drops off when that thing is done.
 */
public record Task(String taskId, String kind, String storeId, String subject, int count, String since, String link) {
    public static final String PICK = "pick", RESTOCK = "restock", ALERT = "alert", PATROL_ALERT = "patrol_alert", PATROL_ROUND = "patrol_round", COUNT = "count";
}

package com.zhidian.members.domain;

import java.time.Instant;
import java.util.List;

/** When codes were texted to a phone in the last day (for {@link TextAllowance}); kept a day, then gone. */
public interface TextLog {

    /** The sends on record and the version they were read at. */
    record Sent(List<Instant> at, long version) {}

    Sent read(String tenantId, String phone);

    /** Writes {@code at} if the record is still at {@code version}; false when another send came first. */
    boolean write(String tenantId, String phone, List<Instant> at, long version);
}

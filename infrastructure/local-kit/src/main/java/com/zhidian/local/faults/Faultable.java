package com.zhidian.local.faults;

import java.time.Duration;

/** A stand-in that can be stopped or slowed on command, to test how callers meet an outage. */
public interface Faultable {
    /** While true every call fails as the real service does when it is unavailable. */
    void setUnavailable(boolean unavailable);

    /** Every call waits this long first (zero: not at all). */
    void setLatency(Duration latency);
}

package com.zhidian.local.faults;

import java.time.Duration;

/**
 * A stand-in's fault state, read on each request: two volatile reads when no fault is on, so it costs the hot path
 * nothing measurable.
 */
public final class FaultSwitch implements Faultable {
    private volatile boolean unavailable;
    private volatile Duration latency = Duration.ZERO;

    @Override
    public void setUnavailable(boolean unavailable) { this.unavailable = unavailable; }

    @Override
    public void setLatency(Duration latency) { this.latency = latency == null ? Duration.ZERO : latency; }

    public boolean unavailable() { return unavailable; }

    /** Waits the injected latency, if any. */
    public void pause() {
        Duration d = latency;
        if (d.isZero() || d.isNegative()) return;
        try {
            Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package com.zhidian.devices.domain;

/**
 * The sync rule of a shelf label: {@code synced} when the hash it reports of what it shows equals the hash of the
 * desired state and the shadow has no delta; {@code failed} when it is not and the sweep has retried
 * {@link #MAX_ATTEMPTS} times; {@code pending} otherwise (also before anything was desired).
 */
public enum LabelSync {
    SYNCED, PENDING, FAILED;

    /** Retries of the sweep (one a run, rate(1 minute)) before a label that stays behind is shown as failed. */
    public static final int MAX_ATTEMPTS = 3;

    public static LabelSync of(LabelShadows.State shadow, int attempts) {
        if (shadow.desired() != null && !shadow.desired().isEmpty() && shadow.reported() != null
                && !shadow.delta() && LabelContent.hash(shadow.desired()).equals(shadow.reported().get("renderedHash"))) {
            return SYNCED;
        }
        return attempts >= MAX_ATTEMPTS ? FAILED : PENDING;
    }

    public String code() { return name().toLowerCase(java.util.Locale.ROOT); }
}

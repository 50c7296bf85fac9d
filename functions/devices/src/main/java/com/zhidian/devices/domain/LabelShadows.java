package com.zhidian.devices.domain;

import java.util.Map;

/** The {@code esl} named shadow of each label, as the cloud sees it (IoT data plane). */
public interface LabelShadows {
    /** The shadow's state: desired, reported (null when absent) and whether a delta remains. */
    record State(Map<String, Object> desired, Map<String, Object> reported, boolean delta) {
        public static final State NONE = new State(null, null, false);
    }

    /** Merges {@code fields} into the desired state (a shadow update; the label hears of it as a delta). */
    void desire(String thingName, Map<String, Object> fields);

    /** The shadow now ({@link State#NONE} when it does not exist yet). */
    State get(String thingName);
}

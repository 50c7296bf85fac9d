package com.zhidian.lockers.domain;

import java.util.Map;

/** What the cloud tells a locker, through its named shadow {@code locker} (desired; the device reports it back as its ack). */
public interface LockerCommands {
    /** The uses the locker should honour: compartment id → deposit id (null: none), and an open command when given. */
    void desire(String thingName, Map<String, Object> state);
}

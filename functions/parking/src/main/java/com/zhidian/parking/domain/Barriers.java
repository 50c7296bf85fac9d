package com.zhidian.parking.domain;

/** The exit barriers: an open command to an exit camera's thing, which the device acknowledges by reporting it. */
public interface Barriers {
    void open(String thingName, String sessionId);
}

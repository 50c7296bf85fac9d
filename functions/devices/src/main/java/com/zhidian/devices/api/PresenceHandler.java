package com.zhidian.devices.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.zhidian.core.aws.AwsClients;
import com.zhidian.devices.application.DeviceService;
import com.zhidian.devices.application.DevicesComposition;
import java.time.Clock;
import java.util.Map;

/**
 * DevicePresenceFunction: the IoT rule {@code SELECT * FROM '$aws/events/presence/+/+'} sends every lifecycle event
 * here (clientId = thing name, eventType connected|disconnected|connect_failed, timestamp in ms); the device list shows it as
 * status and last seen.
 */
public final class PresenceHandler implements RequestHandler<Map<String, Object>, Void> {
    private final DeviceService devices;

    public PresenceHandler() {
        this(DevicesComposition.real(AwsClients.dynamo(), Clock.systemUTC()));
    }

    public PresenceHandler(DeviceService devices) {
        this.devices = devices;
    }

    @Override
    public Void handleRequest(Map<String, Object> event, Context context) {
        Object clientId = event.get("clientId");
        Object type = event.get("eventType");
        if (clientId instanceof String c && type instanceof String t && event.get("timestamp") instanceof Number ts) {
            devices.presence(c, t, ts.longValue());
        }
        return null;
    }
}

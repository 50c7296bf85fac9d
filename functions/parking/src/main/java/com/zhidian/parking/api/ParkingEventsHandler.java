package com.zhidian.parking.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.zhidian.core.aws.AwsClients;
import com.zhidian.core.dynamo.DynamoTenantDirectory;
import com.zhidian.parking.application.Parking;
import com.zhidian.parking.application.ParkingService;
import com.zhidian.parking.domain.Plates;
import java.time.Clock;
import java.util.Map;

/**
 * ParkingEventsFunction: the IoT rule on {@code zhidian/+/+/+/parking} sends each report of a plate camera or space
 * sensor here, with the topic's tenant, store and device added by the rule (the thing policy lets a device publish only
 * under its own). {@code type}: {@code plate} ({@code gate} entry | exit, {@code plate}, optional {@code zone}),
 * {@code space} ({@code zone}, {@code space}, {@code plate} when the sensor reads one), {@code barrier} (the exit
 * camera's acknowledgement: {@code sessionId}). A report of an unregistered device, or of another kind, is dropped.
 */
public final class ParkingEventsHandler implements RequestHandler<Map<String, Object>, Void> {
    private final ParkingService parking;

    public ParkingEventsHandler() {
        this(Parking.wire(AwsClients.dynamo(), new DynamoTenantDirectory(AwsClients.dynamo()), Clock.systemUTC()).parking());
    }

    public ParkingEventsHandler(ParkingService parking) {
        this.parking = parking;
    }

    @Override
    public Void handleRequest(Map<String, Object> e, Context context) {
        if (!(e.get("tenantId") instanceof String t && e.get("storeId") instanceof String s && e.get("topicDeviceId") instanceof String d
                && e.get("type") instanceof String type)) {
            return null;
        }
        String plate = Plates.normalise(str(e, "plate"));
        switch (type) {
            case "plate" -> {
                if ("entry".equals(e.get("gate"))) parking.entered(t, s, d, plate, str(e, "zone"));
                else if ("exit".equals(e.get("gate"))) parking.exited(t, s, d, plate);
            }
            case "space" -> parking.space(t, s, d, str(e, "zone"), str(e, "space"), plate);
            case "barrier" -> parking.barrierOpened(t, s, d, str(e, "sessionId"));
            default -> { }
        }
        return null;
    }

    private static String str(Map<String, Object> e, String k) {
        return e.get(k) instanceof String v && v.length() <= 64 ? v : null;
    }
}

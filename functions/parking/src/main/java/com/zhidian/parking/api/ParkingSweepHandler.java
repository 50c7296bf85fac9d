package com.zhidian.parking.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.zhidian.core.aws.AwsClients;
import com.zhidian.core.dynamo.DynamoTenantDirectory;
import com.zhidian.parking.application.Parking;
import com.zhidian.parking.application.ParkingService;
import java.time.Clock;
import java.util.Map;

/**
 * ParkingSweepFunction, every hour: the plates and cards of members who were erased go, and their past stays keep no
 * plate (completed stays themselves expire by TTL, Session.RETENTION after the exit).
 */
public final class ParkingSweepHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final ParkingService parking;

    public ParkingSweepHandler() {
        this(Parking.wire(AwsClients.dynamo(), new DynamoTenantDirectory(AwsClients.dynamo()), Clock.systemUTC()).parking());
    }

    public ParkingSweepHandler(ParkingService parking) {
        this.parking = parking;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return Map.of("erasedMembers", parking.eraseGoneMembers());
    }
}

package com.zhidian.parking.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zhidian.parking.domain.Barriers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneClient;

/**
 * The {@code barrier} named shadow of an exit camera, through the IoT data plane (UpdateThingShadow): desired
 * {@code open} is the stay the barrier opens for; the camera opens it, reports the same value and publishes a
 * {@code barrier} event, its acknowledgement.
 */
public final class IotBarriers implements Barriers {
    public static final String SHADOW = "barrier";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final IotDataPlaneClient iot;

    public IotBarriers(IotDataPlaneClient iot) {
        this.iot = iot;
    }

    public static IotBarriers fromEnvironment() {
        return new IotBarriers(IotDataPlaneClient.builder().httpClient(ApacheHttpClient.create()).build());
    }

    @Override
    public void open(String thingName, String sessionId) {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(Map.of("state", Map.of("desired", Map.of("open", sessionId))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        iot.updateThingShadow(b -> b.thingName(thingName).shadowName(SHADOW).payload(SdkBytes.fromByteArray(body)));
    }
}

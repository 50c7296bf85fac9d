package com.zhidian.lockers.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zhidian.lockers.domain.LockerCommands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneClient;

/** The {@code locker} named shadow of a locker thing, through the IoT data plane (UpdateThingShadow). */
public final class IotLockerShadows implements LockerCommands {
    public static final String SHADOW = "locker";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final IotDataPlaneClient iot;

    public IotLockerShadows(IotDataPlaneClient iot) {
        this.iot = iot;
    }

    public static IotLockerShadows fromEnvironment() {
        return new IotLockerShadows(IotDataPlaneClient.builder().httpClient(ApacheHttpClient.create()).build());
    }

    @Override
    public void desire(String thingName, Map<String, Object> state) {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(Map.of("state", Map.of("desired", state)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        iot.updateThingShadow(b -> b.thingName(thingName).shadowName(SHADOW).payload(SdkBytes.fromByteArray(body)));
    }
}

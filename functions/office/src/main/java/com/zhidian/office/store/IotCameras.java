package com.zhidian.office.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zhidian.devices.domain.Device;
import com.zhidian.devices.domain.DeviceRepository;
import com.zhidian.office.domain.Cameras;
import com.zhidian.office.domain.VideoPatrol;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneClient;

/**
 * Patrol cameras: read from the device registry (devices' repository, read only), asked through their named shadow
 * {@value #SHADOW} (UpdateThingShadow, desired {@code snapshot}), as lockers are commanded. The IoT client is built on
 * first use, so the API function does not pay for it.
 */
public final class IotCameras implements Cameras {
    public static final String SHADOW = "patrol";
    public static final String KIND = "patrol_camera";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DeviceRepository devices;
    private volatile IotDataPlaneClient iot;

    public IotCameras(DeviceRepository devices) {
        this.devices = devices;
    }

    @Override
    public Camera find(String tenantId, String storeId, String deviceId) {
        Device d = devices.find(tenantId, deviceId);
        return d == null || !d.storeId().equals(storeId) || !KIND.equals(d.kind()) ? null : new Camera(d.deviceId(), d.storeId(), d.name(), d.thingName(),
                d.presence() != null && d.presence().online());
    }

    @Override
    public void ask(String thingName, VideoPatrol.Ask ask) {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(Map.of("state", Map.of("desired", Map.of("snapshot", Map.of("roundId", ask.roundId(),
                    "checkpointId", ask.checkpointId(), "key", ask.key(), "url", ask.uploadUrl())))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        iot().updateThingShadow(b -> b.thingName(thingName).shadowName(SHADOW).payload(SdkBytes.fromByteArray(body)));
    }

    private IotDataPlaneClient iot() {
        if (iot == null) {
            synchronized (this) {
                if (iot == null) iot = IotDataPlaneClient.builder().httpClient(ApacheHttpClient.create()).build();
            }
        }
        return iot;
    }
}

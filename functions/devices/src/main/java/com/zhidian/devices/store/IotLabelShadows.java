package com.zhidian.devices.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zhidian.devices.domain.LabelShadows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneClient;
import software.amazon.awssdk.services.iotdataplane.model.ResourceNotFoundException;

/**
 * The {@code esl} named shadows through {@code IotDataPlaneClient} (UpdateThingShadow / GetThingShadow; endpoint from
 * the SDK's settings: {@code aws.endpointUrlIotDataPlane} in Zhidian Local, the account's data endpoint in AWS).
 */
public final class IotLabelShadows implements LabelShadows {
    public static final String SHADOW = "esl";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final IotDataPlaneClient iot;

    public IotLabelShadows(IotDataPlaneClient iot) {
        this.iot = iot;
    }

    public static IotLabelShadows fromEnvironment() {
        return new IotLabelShadows(IotDataPlaneClient.builder().httpClient(ApacheHttpClient.create()).build());
    }

    @Override
    public void desire(String thingName, Map<String, Object> fields) {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(Map.of("state", Map.of("desired", fields)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        iot.updateThingShadow(b -> b.thingName(thingName).shadowName(SHADOW).payload(SdkBytes.fromByteArray(body)));
    }

    @Override
    @SuppressWarnings("unchecked")
    public State get(String thingName) {
        byte[] body;
        try {
            body = iot.getThingShadow(b -> b.thingName(thingName).shadowName(SHADOW)).payload().asByteArray();
        } catch (ResourceNotFoundException none) {
            return State.NONE;
        }
        try {
            JsonNode state = JSON.readTree(body).path("state");
            Map<String, Object> desired = state.has("desired") && state.get("desired").isObject() ? JSON.convertValue(state.get("desired"), Map.class) : null;
            Map<String, Object> reported = state.has("reported") && state.get("reported").isObject() ? JSON.convertValue(state.get("reported"), Map.class) : null;
            return new State(desired, reported, state.has("delta"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package com.zhidian.iot;

import java.util.HashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import software.amazon.awssdk.crt.mqtt.MqttClientConnection;
import software.amazon.awssdk.crt.mqtt.QualityOfService;
import software.amazon.awssdk.iot.iotshadow.IotShadowClient;
import software.amazon.awssdk.iot.iotshadow.model.GetNamedShadowRequest;
import software.amazon.awssdk.iot.iotshadow.model.GetNamedShadowSubscriptionRequest;
import software.amazon.awssdk.iot.iotshadow.model.GetShadowResponse;
import software.amazon.awssdk.iot.iotshadow.model.NamedShadowDeltaUpdatedSubscriptionRequest;
import software.amazon.awssdk.iot.iotshadow.model.ShadowDeltaUpdatedEvent;
import software.amazon.awssdk.iot.iotshadow.model.ShadowState;
import software.amazon.awssdk.iot.iotshadow.model.UpdateNamedShadowRequest;

/** One named shadow of a device over MQTT (the SDK's IotShadowClient): what every simulated device does with it. */
final class NamedShadow {
    private final IotShadowClient client;
    private final String thing;
    private final String name;

    NamedShadow(MqttClientConnection connection, String thing, String name) {
        this.client = new IotShadowClient(connection);
        this.thing = thing;
        this.name = name;
    }

    /** Subscribes to {@code update/delta}; returns once the broker has acknowledged. */
    void onDelta(Consumer<ShadowDeltaUpdatedEvent> handler) throws Exception {
        NamedShadowDeltaUpdatedSubscriptionRequest delta = new NamedShadowDeltaUpdatedSubscriptionRequest();
        delta.thingName = thing;
        delta.shadowName = name;
        client.SubscribeToNamedShadowDeltaUpdatedEvents(delta, QualityOfService.AT_LEAST_ONCE, handler::accept).get(15, TimeUnit.SECONDS);
    }

    /** Subscribes to {@code get/accepted} and asks for the whole shadow; returns once both are acknowledged. */
    void onWhole(Consumer<GetShadowResponse> handler) throws Exception {
        GetNamedShadowSubscriptionRequest get = new GetNamedShadowSubscriptionRequest();
        get.thingName = thing;
        get.shadowName = name;
        client.SubscribeToGetNamedShadowAccepted(get, QualityOfService.AT_LEAST_ONCE, handler::accept).get(15, TimeUnit.SECONDS);
        client.PublishGetNamedShadow(getRequest(), QualityOfService.AT_LEAST_ONCE).get(15, TimeUnit.SECONDS);
    }

    /** Asks for the whole shadow again (on resuming a connection), not waited for. */
    void askWhole() {
        client.PublishGetNamedShadow(getRequest(), QualityOfService.AT_LEAST_ONCE);
    }

    /** Reports state; not waited for (it may run on the connection's event thread, which would see the ack). */
    void report(HashMap<String, Object> reported) {
        UpdateNamedShadowRequest update = new UpdateNamedShadowRequest();
        update.thingName = thing;
        update.shadowName = name;
        update.state = new ShadowState();
        update.state.reported = reported;
        client.PublishUpdateNamedShadow(update, QualityOfService.AT_LEAST_ONCE);
    }

    private GetNamedShadowRequest getRequest() {
        GetNamedShadowRequest request = new GetNamedShadowRequest();
        request.thingName = thing;
        request.shadowName = name;
        return request;
    }
}

package com.zhidian.local.iot;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.local.iot.shadow.ShadowJson;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A plain MQTT 3.1.1 client (Eclipse Paho) for the broker tests: messages are queued per topic. */
public final class MqttTestClient implements AutoCloseable {
    private final MqttClient client;
    private final Map<String, BlockingQueue<byte[]>> received = new ConcurrentHashMap<>();

    private MqttTestClient(MqttClient client) {
        this.client = client;
    }

    /**
     * Connects and waits until the broker has fully accepted the connection (see Broker.isConnected: a
     * SUBSCRIBE sent in Moquette 0.17's window after CONNACK would get the connection dropped).
     */
    public static MqttTestClient connect(IotLocal iot, String clientId, String user, String password)
            throws MqttException, InterruptedException {
        MqttTestClient client = connect(iot.endpoints().mqttUri(), clientId, user, password);
        for (int i = 0; i < 200 && !iot.isConnected(clientId); i++) {
            Thread.sleep(10);
        }
        return client;
    }

    public static MqttTestClient connect(String uri, String clientId, String user, String password)
            throws MqttException {
        MqttClient client = new MqttClient(uri, clientId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setUserName(user);
        options.setPassword(password.toCharArray());
        options.setConnectionTimeout(10);
        client.setTimeToWait(10_000);
        MqttTestClient wrapper = new MqttTestClient(client);
        client.setCallback(new org.eclipse.paho.client.mqttv3.MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, org.eclipse.paho.client.mqttv3.MqttMessage message) {
                wrapper.queue(topic).add(message.getPayload());
            }

            @Override
            public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken token) {
            }
        });
        client.connect(options);
        return wrapper;
    }

    /** Subscribes at QoS 1; true when the broker granted it, false when it refused (SUBACK 0x80). */
    public void unsubscribe(String filter) throws MqttException {
        client.unsubscribe(filter);
    }

    public boolean subscribe(String filter) throws MqttException {
        try {
            IMqttToken token = client.subscribeWithResponse(filter, 1);
            token.waitForCompletion(10_000);
            return token.getGrantedQos()[0] != 0x80;
        } catch (MqttException e) {
            if (e.getReasonCode() == MqttException.REASON_CODE_SUBSCRIBE_FAILED) {
                return false;
            }
            throw e;
        }
    }

    public void publish(String topic, String payload) throws MqttException {
        client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    /** The next message on the topic, waiting at most 10 s; null when none came. */
    public JsonNode next(String topic) throws Exception {
        byte[] payload = queue(topic).poll(10, TimeUnit.SECONDS);
        return payload == null ? null : ShadowJson.MAPPER.readTree(payload);
    }

    public byte[] poll(String topic, long millis) throws InterruptedException {
        return queue(topic).poll(millis, TimeUnit.MILLISECONDS);
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    private BlockingQueue<byte[]> queue(String topic) {
        return received.computeIfAbsent(topic, t -> new LinkedBlockingQueue<>());
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}

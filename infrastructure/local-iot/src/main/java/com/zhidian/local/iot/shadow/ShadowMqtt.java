package com.zhidian.local.iot.shadow;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;

/**
 * The MQTT face of the shadow service: a message on {@code .../get|update|delete} is a request; errors are
 * published on {@code .../rejected} (an error response document: code, message, timestamp, clientToken)
 * and a get's answer on {@code /get/accepted}. Update and delete announce their own acceptance.
 */
public final class ShadowMqtt {
    private final ShadowService service;
    private final ShadowService.Notifier publisher;
    private final Clock clock;

    public ShadowMqtt(ShadowService service, ShadowService.Notifier publisher, Clock clock) {
        this.service = service;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Handles a published message; other topics than shadow requests are ignored. */
    public void published(String topic, byte[] payload) {
        ShadowTopics.Request request = ShadowTopics.parse(topic);
        if (request == null) {
            return;
        }
        String prefix = ShadowTopics.prefix(request.thing(), request.shadowName());
        try {
            switch (request.operation()) {
                case "update" -> service.update(request.thing(), request.shadowName(), payload);
                case "get" -> publisher.publish(prefix + "/get/accepted", ShadowJson.bytes(
                        service.get(request.thing(), request.shadowName(), ShadowRequest.tokenOf(payload))));
                default -> service.delete(request.thing(), request.shadowName(), tokenOrNull(payload));
            }
        } catch (ShadowException e) {
            ObjectNode error = ShadowJson.NODES.objectNode();
            error.put("code", e.code());
            error.put("message", e.getMessage());
            error.put("timestamp", clock.instant().getEpochSecond());
            if (e.clientToken() != null) {
                error.put("clientToken", e.clientToken());
            }
            publisher.publish(prefix + "/" + request.operation() + "/rejected", ShadowJson.bytes(error));
        }
    }

    /** "The content of the message is ignored" for delete, except a token we can read. */
    private static String tokenOrNull(byte[] payload) {
        try {
            return ShadowRequest.tokenOf(payload);
        } catch (ShadowException e) {
            return null;
        }
    }
}

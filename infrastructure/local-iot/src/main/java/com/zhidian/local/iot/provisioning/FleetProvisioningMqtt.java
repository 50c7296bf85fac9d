package com.zhidian.local.iot.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.local.iot.registry.ThingRegistry;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The device provisioning MQTT API of AWS IoT fleet provisioning by claim (developer guide, "Device provisioning MQTT
 * API"), JSON payload format, for a client connected with a provisioning claim:
 * <ul>
 *   <li>CreateKeysAndCertificate: {@code $aws/certificates/create/json} ({@code {}}) → {@code .../accepted}
 *       {@code {certificateId, certificatePem, privateKey, certificateOwnershipToken}}; the certificate is
 *       PENDING_ACTIVATION until RegisterThing, the token valid for an hour and good for one RegisterThing.</li>
 *   <li>RegisterThing: {@code $aws/provisioning-templates/{templateName}/provision/json}
 *       {@code {certificateOwnershipToken, parameters}} → {@code .../accepted} {@code {deviceConfiguration, thingName}}:
 *       the template's resources are made ({@link TemplateRun}: the thing with its attributes in its groups, the
 *       certificate attached and ACTIVE, the policy attached to it).</li>
 * </ul>
 * A refusal goes to {@code .../rejected} as the documented error response {@code {statusCode, errorCode, errorMessage}}.
 * The {@code cbor} payload format is not served (nothing answers). Locally a certificate's "private key" is the MQTT
 * password of its thing (the broker has no TLS; see the module README), and the answers go to every subscriber of the
 * response topic, not only to the asking connection as in AWS (Moquette has no per-connection publish): a known gap.
 */
public final class FleetProvisioningMqtt {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CREATE = "$aws/certificates/create/json";
    private static final String TEMPLATES = "$aws/provisioning-templates/";
    private final ThingRegistry registry;
    private final BiConsumer<String, byte[]> publisher;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public FleetProvisioningMqtt(ThingRegistry registry, BiConsumer<String, byte[]> publisher, Clock clock) {
        this.registry = registry;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** A published message; only a claim session's requests on the two request topics are answered. */
    public void published(String topic, byte[] payload, String clientId) {
        if (clientId == null) {
            return; // the stand-in's own messages, its answers among them
        }
        if (topic.equals(CREATE)) {
            registry.claimSession(clientId).ifPresent(claim -> createKeysAndCertificate(claim, payload));
        } else if (topic.startsWith(TEMPLATES) && topic.endsWith("/provision/json")) {
            String template = topic.substring(TEMPLATES.length(), topic.length() - "/provision/json".length());
            if (!template.contains("/")) {
                registry.claimSession(clientId).ifPresent(claim -> registerThing(claim, template, topic, payload));
            }
        }
    }

    private void createKeysAndCertificate(ThingRegistry.Claim claim, byte[] payload) {
        try {
            if (payload.length > 0 && !JSON.readTree(payload).isObject()) {
                throw new Refusal(400, "InvalidPayload", "The payload must be a JSON object");
            }
        } catch (IOException e) {
            reject(CREATE, new Refusal(400, "InvalidPayload", "The payload is not valid JSON"));
            return;
        } catch (Refusal r) {
            reject(CREATE, r);
            return;
        }
        byte[] t = new byte[48];
        random.nextBytes(t);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(t);
        ThingRegistry.Ownership o = registry.createPendingCertificate(claim.certificate().arn(), token, now());
        ObjectNode out = JSON.createObjectNode();
        out.put("certificateId", o.certificate().id());
        out.put("certificatePem", "-----BEGIN CERTIFICATE-----\n" + o.certificate().publicKey() + "\n-----END CERTIFICATE-----\n");
        out.put("privateKey", o.certificate().privateKey());
        out.put("certificateOwnershipToken", token);
        publisher.accept(CREATE + "/accepted", bytes(out));
    }

    private void registerThing(ThingRegistry.Claim claim, String template, String topic, byte[] payload) {
        String token = null;
        Optional<ThingRegistry.Ownership> owned = Optional.empty();
        try {
            JsonNode request;
            try {
                request = JSON.readTree(payload);
            } catch (IOException e) {
                throw new Refusal(400, "InvalidPayload", "The payload is not valid JSON");
            }
            if (request == null || !request.isObject()) throw new Refusal(400, "InvalidPayload", "The payload must be a JSON object");
            if (!template.equals(claim.templateName())) {
                throw new Refusal(403, "AccessDenied", "The claim may not provision with template " + template);
            }
            ThingRegistry.Template t = registry.template(template)
                    .orElseThrow(() -> new Refusal(404, "ResourceNotFound", "The provisioning template " + template + " does not exist"));
            if (!t.enabled()) throw new Refusal(400, "InvalidRequest", "The provisioning template " + template + " is disabled");
            token = request.path("certificateOwnershipToken").isTextual() ? request.get("certificateOwnershipToken").asText() : null;
            if (token == null) throw new Refusal(400, "InvalidPayload", "certificateOwnershipToken is required");
            owned = registry.takeOwnership(token, claim.certificate().arn(), now());
            if (owned.isEmpty()) {
                throw new Refusal(400, "InvalidCertificateOwnershipToken", "The certificate ownership token is invalid or expired");
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            JsonNode p = request.path("parameters");
            if (!p.isMissingNode() && !p.isNull() && !p.isObject()) throw new Refusal(400, "InvalidPayload", "parameters must be an object");
            for (var it = p.fields(); it.hasNext(); ) {
                var e = it.next();
                if (!e.getValue().isTextual()) throw new Refusal(400, "InvalidPayload", "parameter " + e.getKey() + " must be a string");
                parameters.put(e.getKey(), e.getValue().asText());
            }
            TemplateRun.Result r = new TemplateRun(registry).provision(t.body(), parameters, owned.get().certificate());
            ObjectNode out = JSON.createObjectNode();
            out.set("deviceConfiguration", JSON.valueToTree(r.deviceConfiguration()));
            out.put("thingName", r.thingName());
            publisher.accept(TEMPLATES + template + "/provision/json/accepted", bytes(out));
        } catch (Refusal refusal) {
            if (owned.isPresent() && refusal.statusCode < 500) registry.returnOwnership(token, owned.get());
            reject(topic, refusal);
        }
    }

    private void reject(String requestTopic, Refusal r) {
        ObjectNode out = JSON.createObjectNode();
        out.put("statusCode", r.statusCode);
        out.put("errorCode", r.errorCode);
        out.put("errorMessage", r.getMessage());
        publisher.accept(requestTopic + "/rejected", bytes(out));
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A refusal with the documented error response's fields. */
    static final class Refusal extends RuntimeException {
        final int statusCode;
        final String errorCode;

        Refusal(int statusCode, String errorCode, String message) {
            super(message, null, false, false);
            this.statusCode = statusCode;
            this.errorCode = errorCode;
        }
    }
}

package com.zhidian.local.iot.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zhidian.local.iot.registry.ThingRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a fleet provisioning template (developer guide, "Provisioning templates") for one device: the
 * {@code Parameters} section (declared parameters, {@code Default}s, and {@code AWS::IoT::Certificate::Id} set to the
 * device's new certificate), {@code Ref} and {@code Fn::Join} in values, and the {@code Resources} a fleet template
 * declares: one {@code AWS::IoT::Thing} ({@code ThingName}, {@code AttributePayload}, {@code ThingGroups}, which must
 * exist), the {@code AWS::IoT::Certificate} ({@code CertificateId} = the new certificate, {@code Status}), and
 * {@code AWS::IoT::Policy} by {@code PolicyName} (the policy must exist); then {@code DeviceConfiguration}. Everything
 * is checked before anything is made, so a refused provisioning leaves nothing behind.
 */
final class TemplateRun {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ThingRegistry registry;

    record Result(String thingName, Map<String, String> deviceConfiguration) {}

    TemplateRun(ThingRegistry registry) {
        this.registry = registry;
    }

    Result provision(String body, Map<String, String> given, ThingRegistry.Certificate certificate) {
        JsonNode template;
        try {
            template = JSON.readTree(body);
        } catch (IOException e) {
            throw new FleetProvisioningMqtt.Refusal(400, "InvalidTemplate", "The provisioning template body is not valid JSON");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (var it = template.path("Parameters").fields(); it.hasNext(); ) {
            var e = it.next();
            if (given.containsKey(e.getKey())) values.put(e.getKey(), given.get(e.getKey()));
            else if (e.getValue().path("Default").isTextual()) values.put(e.getKey(), e.getValue().get("Default").asText());
        }
        values.put("AWS::IoT::Certificate::Id", certificate.id());

        String thingName = null;
        Map<String, String> attributes = new LinkedHashMap<>();
        List<String> groups = new ArrayList<>();
        List<String> policies = new ArrayList<>();
        boolean active = true;
        for (var it = template.path("Resources").fields(); it.hasNext(); ) {
            var r = it.next().getValue();
            JsonNode props = r.path("Properties");
            switch (r.path("Type").asText()) {
                case "AWS::IoT::Thing" -> {
                    thingName = value(props.path("ThingName"), values);
                    for (var a = props.path("AttributePayload").fields(); a.hasNext(); ) {
                        var e = a.next();
                        attributes.put(e.getKey(), value(e.getValue(), values));
                    }
                    for (JsonNode g : props.path("ThingGroups")) groups.add(value(g, values));
                }
                case "AWS::IoT::Certificate" -> {
                    if (!certificate.id().equals(value(props.path("CertificateId"), values))) {
                        throw new FleetProvisioningMqtt.Refusal(400, "InvalidTemplate", "CertificateId must be the device's certificate");
                    }
                    active = !"INACTIVE".equals(props.path("Status").asText("ACTIVE"));
                }
                case "AWS::IoT::Policy" -> {
                    if (!props.path("PolicyName").isMissingNode()) policies.add(value(props.path("PolicyName"), values));
                    else throw new FleetProvisioningMqtt.Refusal(400, "InvalidTemplate", "Only a policy by PolicyName is served locally");
                }
                default -> throw new FleetProvisioningMqtt.Refusal(400, "InvalidTemplate", "Unknown resource type " + r.path("Type").asText());
            }
        }
        if (thingName == null || !thingName.matches("[a-zA-Z0-9:_-]{1,128}")) {
            throw new FleetProvisioningMqtt.Refusal(400, "InvalidParameters", "The thing name is missing or invalid: " + thingName);
        }
        if (registry.thing(thingName).isPresent()) {
            // AWS would apply the template's OverrideSettings; without a pre-provisioning hook that checks the device,
            // a claim holder could attach a certificate of its own to another device's thing: refused locally
            throw new FleetProvisioningMqtt.Refusal(409, "ResourceAlreadyExists", "The thing " + thingName + " already exists");
        }
        for (String g : groups) {
            if (registry.group(g).isEmpty()) throw new FleetProvisioningMqtt.Refusal(400, "InvalidRequest", "The thing group " + g + " does not exist");
        }
        for (String p : policies) {
            if (registry.policy(p).isEmpty()) throw new FleetProvisioningMqtt.Refusal(400, "InvalidRequest", "The policy " + p + " does not exist");
        }
        Map<String, String> configuration = new LinkedHashMap<>();
        for (var it = template.path("DeviceConfiguration").fields(); it.hasNext(); ) {
            var e = it.next();
            configuration.put(e.getKey(), value(e.getValue(), values));
        }

        try {
            registry.createThing(thingName, attributes);
        } catch (ThingRegistry.AlreadyExists e) {
            throw new FleetProvisioningMqtt.Refusal(409, "ResourceAlreadyExists", e.getMessage());
        }
        for (String g : groups) registry.addThingToGroup(g, thingName);
        registry.attachPrincipal(thingName, certificate.arn());
        for (String p : policies) registry.attachPolicy(p, certificate.arn());
        registry.setActive(certificate.id(), active);
        return new Result(thingName, configuration);
    }

    /** A template value: a string, {@code {"Ref": parameter}} or {@code {"Fn::Join": [separator, [values]]}}. */
    private static String value(JsonNode v, Map<String, String> values) {
        if (v.isTextual()) return v.asText();
        if (v.has("Ref")) {
            String name = v.get("Ref").asText();
            String value = values.get(name);
            if (value == null) throw new FleetProvisioningMqtt.Refusal(400, "InvalidParameters", "Parameter " + name + " is required");
            return value;
        }
        if (v.has("Fn::Join") && v.get("Fn::Join").size() == 2) {
            List<String> parts = new ArrayList<>();
            for (JsonNode part : v.get("Fn::Join").get(1)) parts.add(value(part, values));
            return String.join(v.get("Fn::Join").get(0).asText(), parts);
        }
        throw new FleetProvisioningMqtt.Refusal(400, "InvalidTemplate", "Unsupported template value " + v);
    }
}

package com.zhidian.local.iot.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import com.zhidian.local.iot.broker.Broker;
import com.zhidian.local.iot.http.AwsHttp.AwsError;
import com.zhidian.local.iot.http.AwsHttp.Request;
import com.zhidian.local.iot.http.AwsHttp.Response;
import com.zhidian.local.iot.registry.ThingRegistry;
import com.zhidian.local.iot.shadow.ShadowJson;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The subset of the AWS IoT control-plane API (the {@code iot} SDK) that onboarding and the device
 * registry use: CreateThing, DescribeThing, DeleteThing, CreateThingGroup, DescribeThingGroup,
 * AddThingToThingGroup, ListThingsInThingGroup, CreatePolicy, AttachPolicy, CreateKeysAndCertificate and
 * AttachThingPrincipal, and for decommissioning ListThingPrincipals, DetachThingPrincipal, DetachPolicy,
 * UpdateCertificate and DeleteCertificate, and for onboarding's fleet provisioning by claim CreateProvisioningTemplate,
 * DescribeProvisioningTemplate and CreateProvisioningClaim, on the REST paths of the AWS IoT API Reference. Anything else is 404.
 */
public final class ControlPlaneHttp implements AutoCloseable {
    private static final String NOT_FOUND = "ResourceNotFoundException";
    private final HttpServer server;
    private final URI endpoint;
    private final ThingRegistry registry;
    private final Broker broker;

    private ControlPlaneHttp(String host, int port, ThingRegistry registry, Broker broker) {
        this.registry = registry;
        this.broker = broker;
        this.server = HttpExchanges.start(host, port, "local-iot-control", this::handle);
        this.endpoint = HttpExchanges.endpoint(server, host);
    }

    public static ControlPlaneHttp start(String host, int port, ThingRegistry registry, Broker broker) {
        return new ControlPlaneHttp(host, port, registry, broker);
    }

    public URI endpoint() {
        return endpoint;
    }

    /** The API without its server, for another HTTP server to carry. */
    public AwsHttp.Handler handler() {
        return this::handle;
    }

    private Response handle(Request r) {
        String[] p = r.path().substring(1).split("/");
        String route = r.method() + " " + (p.length > 0 ? p[0] : "") + "/" + (p.length - 1);
        return switch (route) {
            case "POST things/1" -> createThing(name(p[1]), r.json());
            case "GET things/1" -> describeThing(name(p[1]));
            case "DELETE things/1" -> deleteThing(name(p[1]));
            case "PUT things/2" -> attachPrincipal(name(p[1]), p[2], r.header("x-amzn-principal"));
            case "GET things/2" -> listThingPrincipals(name(p[1]), p[2]);
            case "DELETE things/2" -> detachPrincipal(name(p[1]), p[2], r.header("x-amzn-principal"));
            case "PUT certificates/1" -> updateCertificate(p[1], r.query().get("newStatus"));
            case "DELETE certificates/1" -> deleteCertificate(p[1], "true".equals(r.query().get("forceDelete")));
            case "POST target-policies/1" -> detachPolicy(p[1], r.json());
            case "PUT thing-groups/1" -> addThingToGroup(p[1], r.json());
            case "POST thing-groups/1" -> createGroup(name(p[1]), r.json());
            case "GET thing-groups/1" -> describeGroup(p[1]);
            case "GET thing-groups/2" -> listThingsInGroup(p[1], p[2], r);
            case "POST policies/1" -> createPolicy(name(p[1]), r.json());
            case "PUT target-policies/1" -> attachPolicy(p[1], r.json());
            case "POST keys-and-certificate/0" -> createKeysAndCertificate();
            case "POST provisioning-templates/0" -> createTemplate(r.json());
            case "GET provisioning-templates/1" -> describeTemplate(templateName(p[1]));
            case "POST provisioning-templates/2" -> createClaim(templateName(p[1]), p[2]);
            default -> throw new AwsError(404, NOT_FOUND, "No route for " + r.method() + " " + r.path());
        };
    }

    private Response createThing(String name, JsonNode body) {
        Map<String, String> attributes = new LinkedHashMap<>();
        body.path("attributePayload").path("attributes").fields()
                .forEachRemaining(e -> attributes.put(e.getKey(), e.getValue().asText()));
        ThingRegistry.Thing thing;
        try {
            thing = registry.createThing(name, attributes);
        } catch (ThingRegistry.AlreadyExists e) {
            throw new AwsError(409, "ResourceAlreadyExistsException", e.getMessage());
        }
        ObjectNode out = ShadowJson.object();
        out.put("thingName", thing.name());
        out.put("thingArn", thing.arn());
        out.put("thingId", thing.id());
        return Response.json(out);
    }

    private Response describeThing(String name) {
        ThingRegistry.Thing thing = registry.thing(name)
                .orElseThrow(() -> new AwsError(404, NOT_FOUND, "Thing " + name + " cannot be found."));
        ObjectNode out = ShadowJson.object();
        out.put("defaultClientId", thing.name());
        out.put("thingName", thing.name());
        out.put("thingId", thing.id());
        out.put("thingArn", thing.arn());
        ObjectNode attributes = out.putObject("attributes");
        ThingRegistry.sorted(thing.attributes()).forEach(attributes::put);
        out.put("version", thing.version());
        return Response.json(out);
    }

    /** "Returns successfully with no error if ... you specify a thing that doesn't exist." */
    private Response deleteThing(String name) {
        if (registry.deleteThing(name)) {
            broker.disconnect(name);
        }
        return Response.json(ShadowJson.object());
    }

    private Response attachPrincipal(String thing, String sub, String principal) {
        if (!sub.equals("principals") || principal == null) {
            throw new AwsError(400, "InvalidRequestException", "x-amzn-principal is required");
        }
        if (!registry.attachPrincipal(thing, principal)) {
            throw new AwsError(404, NOT_FOUND, "Thing or principal cannot be found.");
        }
        return Response.json(ShadowJson.object());
    }

    /** ListThingPrincipals: GET /things/{thingName}/principals (all at once: a device has one or two). */
    private Response listThingPrincipals(String thing, String sub) {
        if (!sub.equals("principals")) {
            throw new AwsError(404, NOT_FOUND, "No route for GET /things/" + thing + "/" + sub);
        }
        if (registry.thing(thing).isEmpty()) {
            throw new AwsError(404, NOT_FOUND, "Thing " + thing + " cannot be found.");
        }
        ObjectNode out = ShadowJson.object();
        registry.principals(thing).forEach(out.putArray("principals")::add);
        return Response.json(out);
    }

    /** DetachThingPrincipal: DELETE /things/{thingName}/principals, the principal in x-amzn-principal. */
    private Response detachPrincipal(String thing, String sub, String principal) {
        if (!sub.equals("principals") || principal == null) {
            throw new AwsError(400, "InvalidRequestException", "x-amzn-principal is required");
        }
        if (!registry.detachPrincipal(thing, principal)) {
            throw new AwsError(404, NOT_FOUND, "Thing " + thing + " cannot be found.");
        }
        return Response.json(ShadowJson.object());
    }

    /** DetachPolicy: POST /target-policies/{policyName} {"target"}. */
    private Response detachPolicy(String name, JsonNode body) {
        if (!body.hasNonNull("target")) {
            throw new AwsError(400, "InvalidRequestException", "target is required");
        }
        if (!registry.detachPolicy(name, body.get("target").asText())) {
            throw new AwsError(404, NOT_FOUND, "Policy " + name + " cannot be found.");
        }
        return Response.json(ShadowJson.object());
    }

    /** UpdateCertificate: PUT /certificates/{certificateId}?newStatus=ACTIVE|INACTIVE (the states devices use). */
    private Response updateCertificate(String id, String newStatus) {
        certificateId(id);
        if (!"ACTIVE".equals(newStatus) && !"INACTIVE".equals(newStatus)) {
            throw new AwsError(400, "InvalidRequestException", "newStatus must be ACTIVE or INACTIVE");
        }
        if (!registry.setActive(id, "ACTIVE".equals(newStatus))) {
            throw new AwsError(404, NOT_FOUND, "The certificate " + id + " cannot be found.");
        }
        if ("INACTIVE".equals(newStatus)) {
            // a device connected with that certificate loses it: the broker drops the things it was attached to
            String arn = registry.arn("cert", id);
            registry.thingsWithPrincipal(arn).forEach(thing -> broker.disconnect(thing, Broker.AUTH_ERROR));
        }
        return Response.empty();
    }

    /**
     * DeleteCertificate: 406 CertificateStateException while ACTIVE, 409 DeleteConflictException while attached to a
     * thing or (without forceDelete) to a policy, 404 when there is none; 200 with an empty body.
     */
    private Response deleteCertificate(String id, boolean force) {
        certificateId(id);
        ThingRegistry.DeleteRefusal refused = registry.deleteCertificate(id, force);
        if (refused == null) {
            return Response.empty();
        }
        throw switch (refused) {
            case NOT_FOUND -> new AwsError(404, NOT_FOUND, "The certificate " + id + " cannot be found.");
            case ACTIVE -> new AwsError(406, "CertificateStateException", "Certificate must be deactivated before deletion.");
            case ATTACHED_TO_THING -> new AwsError(409, "DeleteConflictException", "Things must be detached before deletion (arn: "
                    + registry.arn("cert", id) + ")");
            case ATTACHED_TO_POLICY -> new AwsError(409, "DeleteConflictException", "Certificate policies must be detached before deletion (arn: "
                    + registry.arn("cert", id) + ")");
        };
    }

    /** "Length Constraints: Fixed length of 64. Pattern: (0x)?[a-fA-F0-9]+" */
    private static void certificateId(String id) {
        if (id == null || id.length() != 64 || !id.matches("(0x)?[a-fA-F0-9]+")) {
            throw new AwsError(400, "InvalidRequestException", "certificateId must be 64 hexadecimal characters");
        }
    }

    private Response createGroup(String name, JsonNode body) {
        String parent = body.hasNonNull("parentGroupName") ? body.get("parentGroupName").asText() : null;
        if (parent != null && registry.group(parent).isEmpty()) {
            throw new AwsError(404, NOT_FOUND, "Thing group " + parent + " cannot be found.");
        }
        ThingRegistry.Group group = registry.createGroup(name, parent);
        ObjectNode out = ShadowJson.object();
        out.put("thingGroupName", group.name());
        out.put("thingGroupArn", group.arn());
        out.put("thingGroupId", group.id());
        return Response.json(out);
    }

    private Response describeGroup(String name) {
        ThingRegistry.Group group = registry.group(name)
                .orElseThrow(() -> new AwsError(404, NOT_FOUND, "Thing group " + name + " cannot be found."));
        ObjectNode out = ShadowJson.object();
        out.put("thingGroupName", group.name());
        out.put("thingGroupArn", group.arn());
        out.put("thingGroupId", group.id());
        out.put("version", 1);
        if (group.parent() != null) {
            out.putObject("thingGroupMetadata").put("parentGroupName", group.parent());
        }
        return Response.json(out);
    }

    /** PUT /thing-groups/addThingToThingGroup, by name or ARN. */
    private Response addThingToGroup(String sub, JsonNode body) {
        if (!sub.equals("addThingToThingGroup")) {
            throw new AwsError(404, NOT_FOUND, "No route for PUT /thing-groups/" + sub);
        }
        String group = nameOrArn(body, "thingGroupName", "thingGroupArn");
        String thing = nameOrArn(body, "thingName", "thingArn");
        if (group == null || thing == null || !registry.addThingToGroup(group, thing)) {
            throw new AwsError(404, NOT_FOUND, "Thing or thing group cannot be found.");
        }
        return Response.json(ShadowJson.object());
    }

    private Response listThingsInGroup(String group, String sub, Request r) {
        if (!sub.equals("things")) {
            throw new AwsError(404, NOT_FOUND, "No route for GET " + r.path());
        }
        if (registry.group(group).isEmpty()) {
            throw new AwsError(404, NOT_FOUND, "Thing group " + group + " cannot be found.");
        }
        List<String> all = registry.thingsInGroup(group, "true".equals(r.query().get("recursive")));
        int from = 0;
        if (r.query().containsKey("nextToken")) {
            from = all.indexOf(r.query().get("nextToken")) + 1;
        }
        int max = 25;
        if (r.query().containsKey("maxResults")) {
            try {
                max = Integer.parseInt(r.query().get("maxResults"));
            } catch (NumberFormatException e) {
                max = 0;
            }
            if (max < 1 || max > 250) {
                throw new AwsError(400, "InvalidRequestException", "maxResults must be between 1 and 250");
            }
        }
        int to = Math.min(all.size(), from + max);
        ObjectNode out = ShadowJson.object();
        all.subList(from, to).forEach(out.putArray("things")::add);
        if (to < all.size()) {
            out.put("nextToken", all.get(to - 1));
        }
        return Response.json(out);
    }

    private Response createPolicy(String name, JsonNode body) {
        String document = body.path("policyDocument").asText("");
        try {
            ShadowJson.MAPPER.readTree(document);
        } catch (Exception e) {
            throw new AwsError(400, "MalformedPolicyException", "Policy document is not valid JSON");
        }
        ThingRegistry.Policy policy;
        try {
            policy = registry.createPolicy(name, document);
        } catch (ThingRegistry.AlreadyExists e) {
            throw new AwsError(409, "ResourceAlreadyExistsException", e.getMessage());
        }
        ObjectNode out = ShadowJson.object();
        out.put("policyName", policy.name());
        out.put("policyArn", policy.arn());
        out.put("policyDocument", policy.document());
        out.put("policyVersionId", "1");
        return Response.json(out);
    }

    private Response attachPolicy(String name, JsonNode body) {
        if (!body.hasNonNull("target") || !registry.attachPolicy(name, body.get("target").asText())) {
            throw new AwsError(404, NOT_FOUND, "Policy " + name + " cannot be found.");
        }
        return Response.json(ShadowJson.object());
    }

    /** Locally the "private key" is the device's MQTT password and there is no certificate PEM. */
    private Response createKeysAndCertificate() {
        ThingRegistry.Certificate certificate = registry.createCertificate();
        ObjectNode out = ShadowJson.object();
        out.put("certificateArn", certificate.arn());
        out.put("certificateId", certificate.id());
        ObjectNode keys = out.putObject("keyPair");
        keys.put("PublicKey", certificate.publicKey());
        keys.put("PrivateKey", certificate.privateKey());
        return Response.json(out);
    }

    /** "Length Constraints: Minimum length of 1. Maximum length of 36. Pattern: ^[0-9A-Za-z_-]+$" */
    private static String templateName(String name) {
        if (name == null || name.isEmpty() || name.length() > 36 || !name.matches("[0-9A-Za-z_-]+")) {
            throw new AwsError(400, "InvalidRequestException", "templateName must be 1 to 36 of [0-9A-Za-z_-]");
        }
        return name;
    }

    /**
     * CreateProvisioningTemplate ({@code POST /provisioning-templates}): templateName, templateBody (JSON) and
     * provisioningRoleArn (20 to 2048 characters) required; enabled (default false), description, type
     * (FLEET_PROVISIONING, the default, or JITP). Answers templateArn, templateName and defaultVersionId.
     */
    private Response createTemplate(JsonNode body) {
        String name = templateName(body.path("templateName").asText(null));
        String templateBody = body.path("templateBody").asText(null);
        try {
            if (templateBody == null || !ShadowJson.MAPPER.readTree(templateBody).isObject()) {
                throw new IllegalArgumentException();
            }
        } catch (Exception e) {
            throw new AwsError(400, "InvalidRequestException", "templateBody must be a JSON object");
        }
        String role = body.path("provisioningRoleArn").asText("");
        if (role.length() < 20 || role.length() > 2048) {
            throw new AwsError(400, "InvalidRequestException", "provisioningRoleArn must be 20 to 2048 characters");
        }
        String description = body.path("description").asText("");
        if (description.length() > 500) {
            throw new AwsError(400, "InvalidRequestException", "description must be at most 500 characters");
        }
        String type = body.path("type").asText("FLEET_PROVISIONING");
        if (!type.equals("FLEET_PROVISIONING") && !type.equals("JITP")) {
            throw new AwsError(400, "InvalidRequestException", "type must be FLEET_PROVISIONING or JITP");
        }
        ThingRegistry.Template t;
        try {
            t = registry.createTemplate(name, description, templateBody, role, body.path("enabled").asBoolean(false), type,
                    System.currentTimeMillis() / 1000);
        } catch (ThingRegistry.AlreadyExists e) {
            throw new AwsError(409, "ResourceAlreadyExistsException", e.getMessage());
        }
        ObjectNode out = ShadowJson.object();
        out.put("templateArn", t.arn());
        out.put("templateName", t.name());
        out.put("defaultVersionId", 1);
        return Response.json(out);
    }

    private Response describeTemplate(String name) {
        ThingRegistry.Template t = registry.template(name)
                .orElseThrow(() -> new AwsError(404, NOT_FOUND, "The provisioning template " + name + " cannot be found."));
        ObjectNode out = ShadowJson.object();
        out.put("templateArn", t.arn());
        out.put("templateName", t.name());
        out.put("description", t.description());
        out.put("creationDate", t.createdAt());
        out.put("lastModifiedDate", t.createdAt());
        out.put("defaultVersionId", 1);
        out.put("templateBody", t.body());
        out.put("enabled", t.enabled());
        out.put("provisioningRoleArn", t.roleArn());
        out.put("type", t.type());
        return Response.json(out);
    }

    /** CreateProvisioningClaim ({@code POST /provisioning-templates/{name}/provisioning-claim}, no body). */
    private Response createClaim(String name, String sub) {
        if (!sub.equals("provisioning-claim")) {
            throw new AwsError(404, NOT_FOUND, "No route for POST /provisioning-templates/" + name + "/" + sub);
        }
        ThingRegistry.Claim claim = registry.createClaim(name, System.currentTimeMillis() / 1000)
                .orElseThrow(() -> new AwsError(404, NOT_FOUND, "The provisioning template " + name + " cannot be found."));
        ObjectNode out = ShadowJson.object();
        out.put("certificateId", claim.certificate().id());
        // locally there is no X.509 certificate: the PEM frames the local certificate id, the private key is the secret
        out.put("certificatePem", "-----BEGIN CERTIFICATE-----\n" + claim.certificate().publicKey() + "\n-----END CERTIFICATE-----\n");
        out.put("expiration", claim.expiresAt());
        ObjectNode keys = out.putObject("keyPair");
        keys.put("PublicKey", claim.certificate().publicKey());
        keys.put("PrivateKey", claim.certificate().privateKey());
        return Response.json(out);
    }

    private static String nameOrArn(JsonNode body, String nameField, String arnField) {
        if (body.hasNonNull(nameField)) {
            return body.get(nameField).asText();
        }
        if (body.hasNonNull(arnField)) {
            String arn = body.get(arnField).asText();
            return arn.substring(arn.lastIndexOf('/') + 1);
        }
        return null;
    }

    private static String name(String value) {
        return AwsHttp.require(AwsHttp.THING_NAME, value, "name");
    }

    @Override
    public void close() {
        HttpExchanges.stop(server);
    }
}

package com.zhidian.local.iot.registry;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The IoT registry's local state: things with their attributes, thing groups, policies, and the
 * certificates attached to things. Locally a certificate's private key is the MQTT password of the thing
 * it is attached to (the broker has no TLS); see the module README.
 */
public final class ThingRegistry {
    public static final String ACCOUNT = "000000000000";
    private final String region;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Thing> things = new ConcurrentHashMap<>();
    private final Map<String, Group> groups = new ConcurrentHashMap<>();
    private final Map<String, Policy> policies = new ConcurrentHashMap<>();
    private final Map<String, Certificate> certificates = new ConcurrentHashMap<>();
    private final Map<String, Template> templates = new ConcurrentHashMap<>();
    /** Claim certificates (CreateProvisioningClaim): certificate ARN → template and expiry (epoch seconds). */
    private final Map<String, Claim> claims = new ConcurrentHashMap<>();
    /** ARNs of certificates set INACTIVE (UpdateCertificate); an inactive certificate authenticates nothing. */
    private final Set<String> inactive = ConcurrentHashMap.newKeySet();

    public record Thing(String name, String id, String arn, Map<String, String> attributes, long version,
                        Set<String> principals) {
    }

    public record Group(String name, String id, String arn, String parent, Set<String> things) {
    }

    public record Policy(String name, String arn, String document, Set<String> targets) {
    }

    /** {@code privateKey} is the secret; there is no certificate PEM locally. */
    public record Certificate(String id, String arn, String publicKey, String privateKey) {
    }

    /** A fleet provisioning template (CreateProvisioningTemplate); times in epoch seconds. */
    public record Template(String name, String arn, String description, String body, String roleArn, boolean enabled,
                           String type, long createdAt) {
    }

    /** A provisioning claim: its certificate, the template it may provision with, and when it expires (epoch seconds). */
    public record Claim(Certificate certificate, String templateName, long expiresAt) {
    }

    /** A thing that exists already with other attributes (AWS: ResourceAlreadyExistsException). */
    public static final class AlreadyExists extends RuntimeException {
        public AlreadyExists(String message) {
            super(message, null, false, false);
        }
    }

    public ThingRegistry(String region) {
        this.region = region;
    }

    public String arn(String kind, String name) {
        return "arn:aws:iot:" + region + ":" + ACCOUNT + ":" + kind + "/" + name;
    }

    /** CreateThing: idempotent for the same attributes, refused for different ones. */
    public synchronized Thing createThing(String name, Map<String, String> attributes) {
        Map<String, String> attrs = Map.copyOf(attributes == null ? Map.of() : attributes);
        Thing existing = things.get(name);
        if (existing != null) {
            if (!existing.attributes().equals(attrs)) {
                throw new AlreadyExists("Thing " + name + " already exists in account with different attributes");
            }
            return existing;
        }
        Thing thing = new Thing(name, UUID.randomUUID().toString(), arn("thing", name), attrs, 1,
                ConcurrentHashMap.newKeySet());
        things.put(name, thing);
        return thing;
    }

    public Optional<Thing> thing(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(things.get(name));
    }

    public synchronized boolean deleteThing(String name) {
        Thing thing = things.remove(name);
        if (thing == null) {
            return false;
        }
        groups.values().forEach(g -> g.things().remove(name));
        return true;
    }

    public synchronized Group createGroup(String name, String parent) {
        return groups.computeIfAbsent(name, n -> new Group(n, UUID.randomUUID().toString(),
                arn("thinggroup", n), parent, ConcurrentHashMap.newKeySet()));
    }

    public Optional<Group> group(String name) {
        return Optional.ofNullable(groups.get(name));
    }

    /** Adds a thing to a group; false when either does not exist. */
    public boolean addThingToGroup(String groupName, String thingName) {
        Group group = groups.get(groupName);
        if (group == null || !things.containsKey(thingName)) {
            return false;
        }
        group.things().add(thingName);
        return true;
    }

    /** The things of a group, and with {@code recursive} of its child groups too, sorted. */
    public List<String> thingsInGroup(String groupName, boolean recursive) {
        Set<String> names = new java.util.TreeSet<>();
        Group group = groups.get(groupName);
        if (group != null) {
            names.addAll(group.things());
            if (recursive) {
                groups.values().stream().filter(g -> groupName.equals(g.parent()))
                        .forEach(child -> names.addAll(thingsInGroup(child.name(), true)));
            }
        }
        return new ArrayList<>(names);
    }

    public synchronized Policy createPolicy(String name, String document) {
        if (policies.containsKey(name)) {
            throw new AlreadyExists("Policy cannot be created - name already exists (name=" + name + ")");
        }
        Policy policy = new Policy(name, arn("policy", name), document, new LinkedHashSet<>());
        policies.put(name, policy);
        return policy;
    }

    public Optional<Policy> policy(String name) {
        return Optional.ofNullable(policies.get(name));
    }

    /** Records the attachment; the broker enforces the thing policy of the README, not the document. */
    public synchronized boolean attachPolicy(String name, String target) {
        Policy policy = policies.get(name);
        if (policy == null) {
            return false;
        }
        policy.targets().add(target);
        return true;
    }

    /** CreateKeysAndCertificate: a fresh id and a random secret in place of the private key. */
    public Certificate createCertificate() {
        byte[] idBytes = new byte[32];
        random.nextBytes(idBytes);
        String id = HexFormat.of().formatHex(idBytes);
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Certificate certificate = new Certificate(id, arn("cert", id), "local:" + id, key);
        certificates.put(certificate.arn(), certificate);
        return certificate;
    }

    /** CreateProvisioningTemplate; {@link AlreadyExists} for a name in use. */
    public synchronized Template createTemplate(String name, String description, String body, String roleArn, boolean enabled,
                                                String type, long nowSeconds) {
        if (templates.containsKey(name)) {
            throw new AlreadyExists("The provisioning template " + name + " already exists.");
        }
        Template t = new Template(name, arn("provisioningtemplate", name), description, body, roleArn, enabled, type, nowSeconds);
        templates.put(name, t);
        return t;
    }

    public Optional<Template> template(String name) {
        return Optional.ofNullable(templates.get(name));
    }

    /**
     * CreateProvisioningClaim: a claim certificate that may only be used to provision with the template, valid for
     * five minutes as AWS documents it ("The claim certificate is valid for five minutes"); empty when there is no
     * such template.
     */
    public Optional<Claim> createClaim(String templateName, long nowSeconds) {
        if (!templates.containsKey(templateName)) {
            return Optional.empty();
        }
        Claim claim = new Claim(createCertificate(), templateName, nowSeconds + 300);
        claims.put(claim.certificate().arn(), claim);
        return Optional.of(claim);
    }

    public Optional<Claim> claim(String certificateArn) {
        return Optional.ofNullable(claims.get(certificateArn));
    }

    /** A certificate made over MQTT by a claim session, waiting for RegisterThing: its token's claim and expiry. */
    public record Ownership(Certificate certificate, String claimArn, long expiresAt) {
    }

    /** MQTT client ids connected with a claim certificate → the claim's certificate ARN (fleet provisioning by claim). */
    private final Map<String, String> claimSessions = new ConcurrentHashMap<>();
    /** certificateOwnershipToken → the certificate it proves (one use). */
    private final Map<String, Ownership> ownerships = new ConcurrentHashMap<>();

    /**
     * True when {@code secret} is the private key of an unexpired, active provisioning claim; the client is then a claim
     * session, which may use only the fleet provisioning MQTT API of the claim's template.
     */
    public boolean authenticatesClaim(String clientId, byte[] secret, long nowSeconds) {
        if (clientId == null || secret == null) {
            return false;
        }
        for (Claim claim : claims.values()) {
            String arn = claim.certificate().arn();
            if (claim.expiresAt() > nowSeconds && !inactive.contains(arn) && java.security.MessageDigest.isEqual(
                    claim.certificate().privateKey().getBytes(java.nio.charset.StandardCharsets.UTF_8), secret)) {
                claimSessions.put(clientId, arn);
                return true;
            }
        }
        return false;
    }

    /** The claim a client connected with; empty for a thing or the service. */
    public Optional<Claim> claimSession(String clientId) {
        String arn = clientId == null ? null : claimSessions.get(clientId);
        return arn == null ? Optional.empty() : claim(arn);
    }

    /** The client's connection ended: it is no claim session any more. */
    public void endSession(String clientId) {
        if (clientId != null) {
            claimSessions.remove(clientId);
        }
    }

    /**
     * CreateKeysAndCertificate over MQTT: a new certificate, PENDING_ACTIVATION (it authenticates nothing until
     * RegisterThing activates it), and its ownership token, valid for an hour.
     */
    public Ownership createPendingCertificate(String claimArn, String token, long nowSeconds) {
        Certificate certificate = createCertificate();
        inactive.add(certificate.arn());
        Ownership o = new Ownership(certificate, claimArn, nowSeconds + 3600);
        ownerships.put(token, o);
        return o;
    }

    /** Takes an ownership token (one use); empty when unknown, spent, expired or of another claim. */
    public Optional<Ownership> takeOwnership(String token, String claimArn, long nowSeconds) {
        if (token == null) {
            return Optional.empty();
        }
        Ownership o = ownerships.get(token);
        if (o == null || o.expiresAt() <= nowSeconds || !o.claimArn().equals(claimArn)) {
            return Optional.empty();
        }
        return ownerships.remove(token, o) ? Optional.of(o) : Optional.empty();
    }

    /** Puts a token back when RegisterThing was refused for a reason the device may correct (bad parameters). */
    public void returnOwnership(String token, Ownership ownership) {
        ownerships.putIfAbsent(token, ownership);
    }

    /** AttachThingPrincipal; false when the thing or the certificate is unknown. */
    public boolean attachPrincipal(String thingName, String principalArn) {
        Thing thing = things.get(thingName);
        if (thing == null || !certificates.containsKey(principalArn)) {
            return false;
        }
        thing.principals().add(principalArn);
        return true;
    }

    /** The principals (certificate ARNs) attached to a thing; empty when there is no such thing. */
    public List<String> principals(String thingName) {
        Thing thing = things.get(thingName);
        return thing == null ? List.of() : new ArrayList<>(new java.util.TreeSet<>(thing.principals()));
    }

    /** DetachThingPrincipal; false when the thing does not exist. */
    public boolean detachPrincipal(String thingName, String principalArn) {
        Thing thing = things.get(thingName);
        if (thing == null) {
            return false;
        }
        thing.principals().remove(principalArn);
        return true;
    }

    /** The things a principal is attached to. */
    public List<String> thingsWithPrincipal(String principalArn) {
        return things.values().stream().filter(t -> t.principals().contains(principalArn)).map(Thing::name).sorted().toList();
    }

    /** DetachPolicy; false when the policy does not exist. */
    public synchronized boolean detachPolicy(String name, String target) {
        Policy policy = policies.get(name);
        if (policy == null) {
            return false;
        }
        policy.targets().remove(target);
        return true;
    }

    public Optional<Certificate> certificate(String certificateId) {
        return Optional.ofNullable(certificates.get(arn("cert", certificateId)));
    }

    public boolean active(String certificateArn) {
        return certificates.containsKey(certificateArn) && !inactive.contains(certificateArn);
    }

    /** UpdateCertificate to ACTIVE or INACTIVE; false when there is no such certificate. */
    public synchronized boolean setActive(String certificateId, boolean active) {
        String arn = arn("cert", certificateId);
        if (!certificates.containsKey(arn)) {
            return false;
        }
        if (active) {
            inactive.remove(arn);
        } else {
            inactive.add(arn);
        }
        return true;
    }

    /** Why a certificate cannot be deleted now (AWS IoT DeleteCertificate). */
    public enum DeleteRefusal { NOT_FOUND, ACTIVE, ATTACHED_TO_THING, ATTACHED_TO_POLICY }

    /**
     * DeleteCertificate: refused while ACTIVE, while attached to a thing, and (without {@code force}) while a policy
     * is attached; null when deleted.
     */
    public synchronized DeleteRefusal deleteCertificate(String certificateId, boolean force) {
        String arn = arn("cert", certificateId);
        if (!certificates.containsKey(arn)) {
            return DeleteRefusal.NOT_FOUND;
        }
        if (!inactive.contains(arn)) {
            return DeleteRefusal.ACTIVE;
        }
        if (things.values().stream().anyMatch(t -> t.principals().contains(arn))) {
            return DeleteRefusal.ATTACHED_TO_THING;
        }
        boolean policyAttached = policies.values().stream().anyMatch(p -> p.targets().contains(arn));
        if (policyAttached && !force) {
            return DeleteRefusal.ATTACHED_TO_POLICY;
        }
        policies.values().forEach(p -> p.targets().remove(arn));
        certificates.remove(arn);
        inactive.remove(arn);
        return null;
    }

    /** A certificate attached to the thing, in one call: the local credential of a device. */
    public Certificate issueCredential(String thingName) {
        Certificate certificate = createCertificate();
        if (!attachPrincipal(thingName, certificate.arn())) {
            throw new IllegalArgumentException("no thing " + thingName);
        }
        return certificate;
    }

    /** True when the secret is the private key of a certificate attached to the thing. */
    public boolean authenticates(String thingName, byte[] secret) {
        return authenticating(thingName, secret).isPresent();
    }

    /** The certificate (attached to any thing, active or not) whose private key is {@code secret}, if any. */
    public Optional<Certificate> certificateWithKey(byte[] secret) {
        if (secret == null) {
            return Optional.empty();
        }
        for (Certificate certificate : certificates.values()) {
            if (java.security.MessageDigest.isEqual(
                    certificate.privateKey().getBytes(java.nio.charset.StandardCharsets.UTF_8), secret)) {
                return Optional.of(certificate);
            }
        }
        return Optional.empty();
    }

    /** The active certificate attached to the thing whose private key is {@code secret}, if any. */
    public Optional<Certificate> authenticating(String thingName, byte[] secret) {
        Thing thing = things.get(thingName);
        if (thing == null || secret == null) {
            return Optional.empty();
        }
        String given = new String(secret, java.nio.charset.StandardCharsets.UTF_8);
        for (String arn : thing.principals()) {
            Certificate certificate = certificates.get(arn);
            if (certificate != null && !inactive.contains(arn) && java.security.MessageDigest.isEqual(
                    certificate.privateKey().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    given.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
                return Optional.of(certificate);
            }
        }
        return Optional.empty();
    }

    /** The whole registry as one JSON document, for a snapshot on disk. */
    public synchronized com.fasterxml.jackson.databind.JsonNode export() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("things", things.values());
        out.put("groups", groups.values());
        out.put("policies", policies.values());
        out.put("certificates", certificates.values());
        out.put("inactiveCertificates", new java.util.TreeSet<>(inactive));
        out.put("templates", templates.values());
        out.put("claims", claims.values());
        return JSON.valueToTree(out);
    }

    /** Loads what {@link #export} wrote; call before any request. */
    public synchronized void restore(com.fasterxml.jackson.databind.JsonNode exported) {
        for (var node : exported.path("things")) {
            Thing t = JSON.convertValue(node, Thing.class);
            Set<String> principals = ConcurrentHashMap.newKeySet();
            principals.addAll(t.principals());
            things.put(t.name(), new Thing(t.name(), t.id(), t.arn(), Map.copyOf(t.attributes()), t.version(), principals));
        }
        for (var node : exported.path("groups")) {
            Group g = JSON.convertValue(node, Group.class);
            Set<String> members = ConcurrentHashMap.newKeySet();
            members.addAll(g.things());
            groups.put(g.name(), new Group(g.name(), g.id(), g.arn(), g.parent(), members));
        }
        for (var node : exported.path("policies")) {
            Policy p = JSON.convertValue(node, Policy.class);
            policies.put(p.name(), new Policy(p.name(), p.arn(), p.document(), new LinkedHashSet<>(p.targets())));
        }
        for (var node : exported.path("certificates")) {
            Certificate c = JSON.convertValue(node, Certificate.class);
            certificates.put(c.arn(), c);
        }
        for (var node : exported.path("inactiveCertificates")) {
            inactive.add(node.asText());
        }
        for (var node : exported.path("templates")) {
            Template t = JSON.convertValue(node, Template.class);
            templates.put(t.name(), t);
        }
        for (var node : exported.path("claims")) {
            Claim c = JSON.convertValue(node, Claim.class);
            claims.put(c.certificate().arn(), c);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The attributes as CreateThing returned them, ordered for display. */
    public static Map<String, String> sorted(Map<String, String> attributes) {
        return new LinkedHashMap<>(new java.util.TreeMap<>(attributes));
    }
}

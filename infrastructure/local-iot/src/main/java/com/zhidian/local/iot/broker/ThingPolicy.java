package com.zhidian.local.iot.broker;

import com.zhidian.local.iot.registry.ThingRegistry;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The thing policy, enforced on every publish and subscribe: a device (client id = thing name) may use
 * only {@code $aws/things/{thingName}/shadow/...} and {@code zhidian/{tenantId}/{storeId}/{deviceId}/...}
 * from its own thing attributes. The same policy in AWS uses the policy variables
 * {@code ${iot:Connection.Thing.ThingName}} and {@code ${iot:Connection.Thing.Attributes[tenantId]}} (see the
 * README). A wildcard is allowed only after those fixed levels. The service identity may use every topic.
 * A claim session (connected with a provisioning claim) may use only {@code $aws/certificates/create/...} and
 * {@code $aws/provisioning-templates/{its template}/provision/...}, as the claim's policy in AWS allows.
 * A refused subscription gets SUBACK 0x80; a refused publish closes the connection, as AWS IoT Core does
 * for MQTT 3.1.1 clients (which otherwise would wait for a PUBACK that never comes).
 */
final class ThingPolicy implements IAuthorizatorPolicy {
    private final ThingRegistry registry;
    private final String serviceUser;
    private final Consumer<String> deniedPublish;

    /** {@code deniedPublish} gets the client id of a refused publish: AWS IoT Core disconnects it. */
    ThingPolicy(ThingRegistry registry, String serviceUser, Consumer<String> deniedPublish) {
        this.registry = registry;
        this.serviceUser = serviceUser;
        this.deniedPublish = deniedPublish;
    }

    @Override
    public boolean canWrite(Topic topic, String user, String client) {
        boolean allowed = allowed(topic.toString(), user, client);
        if (!allowed) {
            deniedPublish.accept(client);
        }
        return allowed;
    }

    @Override
    public boolean canRead(Topic topic, String user, String client) {
        return allowed(topic.toString(), user, client);
    }

    boolean allowed(String topic, String user, String client) {
        if (serviceUser.equals(user)) {
            return true;
        }
        if (registry.thing(client).map(thing -> prefixes(thing).stream().anyMatch(prefix -> under(topic, prefix))).orElse(false)) {
            return true;
        }
        // a claim session: the fleet provisioning MQTT API of its claim's template, nothing else
        return registry.claimSession(client).map(claim -> under(topic, List.of("$aws", "certificates", "create"))
                || under(topic, List.of("$aws", "provisioning-templates", claim.templateName(), "provision"))).orElse(false);
    }

    static List<List<String>> prefixes(ThingRegistry.Thing thing) {
        List<String> shadow = List.of("$aws", "things", thing.name(), "shadow");
        Map<String, String> a = thing.attributes();
        if (a.containsKey("tenantId") && a.containsKey("storeId") && a.containsKey("deviceId")) {
            return List.of(shadow, List.of("zhidian", a.get("tenantId"), a.get("storeId"), a.get("deviceId")));
        }
        return List.of(shadow);
    }

    /** True when the topic (or filter) has the prefix's levels literally and at least one level more. */
    static boolean under(String topic, List<String> prefix) {
        String[] levels = topic.split("/", -1);
        if (levels.length <= prefix.size()) {
            return false;
        }
        for (int i = 0; i < prefix.size(); i++) {
            if (!levels[i].equals(prefix.get(i))) {
                return false;
            }
        }
        return true;
    }
}

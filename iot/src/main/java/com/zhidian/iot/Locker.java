package com.zhidian.iot;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.crt.mqtt.MqttClientConnection;
import software.amazon.awssdk.crt.mqtt.MqttClientConnectionEvents;
import software.amazon.awssdk.crt.mqtt.MqttMessage;
import software.amazon.awssdk.crt.mqtt.QualityOfService;
import software.amazon.awssdk.iot.iotshadow.model.GetShadowResponse;
import software.amazon.awssdk.iot.iotshadow.model.ShadowDeltaUpdatedEvent;

/**
 * A simulated smart locker on the AWS IoT Device SDK v2: compartments with a door sensor and a contents sensor, a
 * keypad, and a jam switch for tests. The cloud tells it, through the named shadow {@code locker}, which use
 * (deposit id) each compartment holds and which door to open for staff ({@code desired.uses}, {@code desired.open});
 * it reports the same back as its acknowledgement. A code is checked offline: the compartment's two digits and six
 * digits of HMAC-SHA256(key, "lockerId|compartment|depositId"), the rule of the lockers context; a use opens once.
 * Facts go up on {@code zhidian/<tenant>/<store>/<device>/locker}: opened, closed (empty or not), jammed, bag_taken.
 */
public final class Locker implements AutoCloseable {
    public static final String SHADOW = "locker";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One compartment as the device sees it. */
    private static final class Box {
        final String id;
        String use;
        boolean open;
        boolean full;
        boolean jamSwitch;
        boolean jammed;

        Box(String id) {
            this.id = id;
        }
    }

    private final DeviceConfig device;
    private final Connections connections;
    private final String key;
    private final Map<String, Box> boxes = new LinkedHashMap<>();
    private final Set<String> spent = new HashSet<>();
    private MqttClientConnection connection;
    private NamedShadow shadow;
    private volatile Object lastOpen;

    /** {@code compartments}: the ids the locker was set up with ("01", "02", …); {@code key}: the set-up's code key. */
    public Locker(DeviceConfig device, Connections connections, String key, List<String> compartments) {
        this.device = device;
        this.connections = connections;
        this.key = key;
        for (String c : compartments) boxes.put(c, new Box(c));
    }

    public void start() throws Exception {
        connection = connections.connected(device, new MqttClientConnectionEvents() {
            @Override
            public void onConnectionInterrupted(int errorCode) {}

            @Override
            public void onConnectionResumed(boolean sessionPresent) {
                shadow.askWhole();
            }
        }, c -> {
            shadow = new NamedShadow(c, device.thingName(), SHADOW);
            shadow.onDelta(this::onDelta);
            shadow.onWhole(this::onShadow);
        });
    }

    private void onShadow(GetShadowResponse response) {
        if (response.state != null && response.state.desired != null) apply(response.state.desired);
    }

    private void onDelta(ShadowDeltaUpdatedEvent event) {
        if (event.state != null) apply(event.state);
    }

    /** Takes the cloud's uses and open command, opens the door asked for, and reports the desired state back (the ack). */
    private synchronized void apply(Map<String, Object> desired) {
        if (desired.get("uses") instanceof Map<?, ?> uses) {
            uses.forEach((c, u) -> {
                Box b = boxes.get(String.valueOf(c));
                if (b != null) b.use = u instanceof String s && !s.isEmpty() ? s : null;
            });
        }
        Object open = desired.get("open");
        // "<compartment>:<depositId>" opens that door for staff once; "" opens nothing
        if (open instanceof String o && o.contains(":") && !open.equals(lastOpen)) {
            Box b = boxes.get(o.substring(0, o.indexOf(':')));
            if (b != null) b.open = true;
        }
        if (open != null) lastOpen = open;
        HashMap<String, Object> reported = new HashMap<>();
        Map<String, Object> uses = new LinkedHashMap<>();
        boxes.values().forEach(b -> uses.put(b.id, b.use));
        reported.put("uses", uses);
        reported.put("open", open);
        shadow.report(reported);
    }

    /** The keypad: a code opens its compartment once, checked here without the cloud. False: refused (wrong, spent, jammed). */
    public synchronized boolean enter(String code) throws Exception {
        if (code == null || !code.matches("[0-9]{8}")) return false;
        Box b = boxes.get(code.substring(0, 2));
        if (b == null || b.use == null || spent.contains(b.use)) return false;
        byte[] want = code(b.id, b.use).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(want, code.getBytes(StandardCharsets.US_ASCII))) return false;
        if (b.jamSwitch) {
            b.jammed = true;
            report("jammed", b, null);
            return false;
        }
        spent.add(b.use);
        b.open = true;
        report("opened", b, b.use);
        return true;
    }

    /** The keypad's 寄存 button: a free compartment of that size... any free one here; its code, or null when none is free. */
    public synchronized String depositBag() throws Exception {
        for (Box b : boxes.values()) {
            if (b.use == null && !b.full && !b.open && !b.jammed) {
                b.use = "bg_" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
                b.open = true;
                report("bag_taken", b, b.use);
                return code(b.id, b.use);
            }
        }
        return null;
    }

    /** Someone puts something in (staff an order, a shopper a bag). */
    public synchronized void putIn(String compartment) {
        boxes.get(compartment).full = true;
    }

    /** Someone takes everything out. */
    public synchronized void takeOut(String compartment) {
        boxes.get(compartment).full = false;
    }

    /** The door is pushed shut: it reports closed (empty or not), or jammed when the jam switch is on. */
    public synchronized void close(String compartment) throws Exception {
        Box b = boxes.get(compartment);
        if (b.jamSwitch) {
            b.jammed = true;
            report("jammed", b, null);
            return;
        }
        b.open = false;
        b.jammed = false;
        report("closed", b, null);
    }

    /** The test's jam switch: the door of that compartment sticks until switched off. */
    public synchronized void jam(String compartment, boolean on) {
        boxes.get(compartment).jamSwitch = on;
    }

    public synchronized boolean isOpen(String compartment) {
        return boxes.get(compartment).open;
    }

    public synchronized String use(String compartment) {
        return boxes.get(compartment).use;
    }

    private void report(String type, Box b, String depositId) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("compartment", b.id);
        if (depositId != null) m.put("depositId", depositId);
        m.put("empty", !b.full);
        // not awaited: this runs under the locker's lock, and the SDK's event loop (which completes the PUBACK) also
        // delivers shadow deltas that take that lock; reports of one connection still arrive in order
        connection.publish(new MqttMessage(device.topicPrefix() + "/locker", JSON.writeValueAsBytes(m), QualityOfService.AT_LEAST_ONCE,
                false));
    }

    private String code(String compartment, String use) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(key), "HmacSHA256"));
            byte[] h = mac.doFinal((device.deviceId() + "|" + compartment + "|" + use).getBytes(StandardCharsets.UTF_8));
            int o = h[h.length - 1] & 0x0f;
            int bin = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
            return compartment + String.format("%06d", bin % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.disconnect();
            connection.close();
        }
    }
}

package com.zhidian.apitests.parking;

import static com.zhidian.apitests.support.Api.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.sensors.Sensors;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * Car parks for the tests: set up through the API, with plate cameras and a space sensor registered as devices and
 * connected to Zhidian Local's broker with their own credentials. The exit camera opens its barrier when its
 * {@code barrier} shadow asks and acknowledges it (a {@code barrier} event and the reported state), as the simulated
 * camera of {@code iot/} does.
 */
public final class ParkingFixture {
    private ParkingFixture() {}

    /** ¥5 an hour, no free time, at most ¥40 a day, 15 minutes to leave after paying, 2 free hours for ¥100 spent. */
    public static Map<String, Object> carPark(long freeMinutes) {
        return map("name", "地下停车场", "zones", List.of(map("zone", "B1", "spaces", 40), map("zone", "B2", "spaces", 60)),
                "tariff", map("perHourFen", 500, "freeMinutes", freeMinutes, "dailyCapFen", 4000),
                "memberFreeHours", List.of(map("spendFen", 10000, "hours", 2)), "graceMinutes", 15);
    }

    /** The car park's link token (the exit's and pillars' QR). */
    public static String setUp(Fixtures.TenantFixture t, String storeId, long freeMinutes) {
        Api.Res r = t.owner().put("/stores/" + storeId + "/car-park", carPark(freeMinutes));
        if (r.status() != 200) throw new AssertionError("car park set-up failed: " + r);
        return r.json().get("linkToken").asText();
    }

    public static String q(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }

    /** A camera or sensor of the car park, publishing on its own parking topic. */
    public static final class Camera implements AutoCloseable {
        final Sensors.Device device;
        final String thingName;
        private final ExecutorService acks = Executors.newSingleThreadExecutor();
        public volatile int opened;

        Camera(Sensors.Device device, String thingName) {
            this.device = device;
            this.thingName = thingName;
        }

        public String deviceId() { return device.deviceId(); }

        String topic() {
            return "zhidian/" + device.tenantId() + "/" + device.storeId() + "/" + device.deviceId() + "/parking";
        }

        public void send(Map<String, Object> event) {
            try {
                device.mqtt().publish(topic(), Api.JSON.valueToTree(event).toString().getBytes(StandardCharsets.UTF_8), 1, false);
            } catch (MqttException e) {
                throw new AssertionError("publish refused: " + e, e);
            }
        }

        public void plate(String gate, String plate) {
            send(map("type", "plate", "gate", gate, "plate", plate));
        }

        /** The barrier of an exit camera: each open command is opened and acknowledged (off the client's callback thread). */
        void openBarrierOnCommand() throws MqttException {
            MqttClient c = device.mqtt();
            String shadow = "$aws/things/" + thingName + "/shadow/name/barrier/update";
            c.subscribe(shadow + "/delta", 1, (topic, msg) -> {
                JsonNode d = Api.JSON.readTree(msg.getPayload());
                String session = d.at("/state/open").asText(null);
                if (session == null) return;
                acks.submit(() -> {
                    try {
                        c.publish(shadow, Api.JSON.valueToTree(map("state", map("reported", map("open", session)))).toString()
                                .getBytes(StandardCharsets.UTF_8), 1, false);
                        send(map("type", "barrier", "sessionId", session));
                        opened++;
                    } catch (MqttException e) {
                        throw new IllegalStateException(e);
                    }
                });
            });
        }

        @Override
        public void close() {
            acks.shutdownNow();
            device.close();
        }
    }

    public static Camera camera(Fixtures.TenantFixture t, String storeId, String kind, String name, boolean exit) {
        Sensors.Device d = Sensors.connect(t, storeId, kind, name);
        // the thing name is the client id the device connects with (devices: zd-<tenant>-<device>)
        Camera c = new Camera(d, d.mqtt().getClientId());
        if (exit) {
            try {
                c.openBarrierOnCommand();
            } catch (MqttException e) {
                throw new AssertionError("subscribe refused: " + e, e);
            }
        }
        return c;
    }

    /** A signed-in member of the tenant: id and their API. */
    public record Customer(String memberId, String phone, Api api) {}

    public static Customer customer(Fixtures.TenantFixture t, String storeId) {
        String phone = Fixtures.uniquePhone();
        Api.Res m = t.owner().post("/members", map("phone", phone, "name", "车主", "storeId", storeId));
        if (m.status() != 201) throw new AssertionError("member creation failed: " + m);
        Api.Res r = Fixtures.anonymous().post("/local/auth/login", map("tenantId", t.tenantId(), "phone", phone, "otp", "000000"));
        if (r.status() != 200) throw new AssertionError("login failed: " + r);
        return new Customer(m.json().get("memberId").asText(), phone, t.owner().as(r.json().get("idToken").asText()));
    }

    /** A stay of the store by plate, once the camera's report has arrived (the rule runs behind the broker). */
    public static JsonNode stay(Fixtures.TenantFixture t, String storeId, String plate, java.util.function.Predicate<JsonNode> ok, String what) {
        JsonNode page = Sensors.until(() -> t.owner().get("/stores/" + storeId + "/car-park/sessions?limit=200"),
                p -> find(p, plate) != null && ok.test(find(p, plate)), what);
        return find(page, plate);
    }

    static JsonNode find(JsonNode page, String plate) {
        for (JsonNode s : page.get("items")) if (plate.equals(s.path("plate").asText())) return s;
        return null;
    }

    /** A plate no other test uses: 粤B + 5 random characters. */
    public static String plate() {
        String chars = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
        StringBuilder b = new StringBuilder("粤B");
        java.util.Random r = new java.util.Random();
        for (int i = 0; i < 5; i++) b.append(chars.charAt(r.nextInt(chars.length())));
        return b.toString();
    }
}

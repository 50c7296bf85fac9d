package com.zhidian.local.iot;

import com.zhidian.local.iot.shadow.ShadowException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With a data directory, things, groups, credentials and shadows (and deleted shadows' versions) survive a restart. */
class SnapshotTest {
    @Test
    void aRestartKeepsTheRegistryAndTheShadows(@TempDir Path dir) throws Exception {
        String secret;
        try (IotLocal iot = IotLocal.start(IotLocal.Config.defaults().withDataDir(dir))) {
            iot.registry().createThing("esl-1", Map.of("tenantId", "t1", "storeId", "s1", "deviceId", "d1"));
            iot.registry().createGroup("tenant-t1", null);
            iot.registry().addThingToGroup("tenant-t1", "esl-1");
            secret = iot.registry().issueCredential("esl-1").privateKey();
            iot.shadows().update("esl-1", "esl", "{\"state\":{\"desired\":{\"price\":1299}}}".getBytes(StandardCharsets.UTF_8));
            iot.shadows().update("esl-1", "old", "{\"state\":{}}".getBytes(StandardCharsets.UTF_8));
            iot.shadows().delete("esl-1", "old", null);
        }
        try (IotLocal iot = IotLocal.start(IotLocal.Config.defaults().withDataDir(dir))) {
            assertEquals("d1", iot.registry().thing("esl-1").orElseThrow().attributes().get("deviceId"));
            assertEquals(List.of("esl-1"), iot.registry().thingsInGroup("tenant-t1", false));
            assertTrue(iot.registry().authenticates("esl-1", secret.getBytes(StandardCharsets.UTF_8)));
            var doc = iot.shadows().get("esl-1", "esl", null);
            assertEquals(1299, doc.at("/state/desired/price").asLong());
            assertEquals(1, doc.get("version").asLong());
            assertTrue(doc.at("/metadata/desired/price/timestamp").isNumber());
            assertThrows(ShadowException.class, () -> iot.shadows().get("esl-1", "old", null));
            assertEquals(List.of("esl"), iot.shadows().namedShadows("esl-1", null, 10));
            assertEquals(2, iot.shadows().update("esl-1", "old", "{\"state\":{}}".getBytes(StandardCharsets.UTF_8))
                    .get("version").asLong());
            try (MqttTestClient device = MqttTestClient.connect(iot, "esl-1", "esl-1", secret)) {
                assertTrue(device.subscribe("$aws/things/esl-1/shadow/name/esl/update/delta"));
            }
        }
    }
}

package com.zhidian.local.iot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.local.iot.registry.ThingRegistry;
import com.zhidian.local.iot.shadow.ShadowJson;
import com.zhidian.local.iot.shadow.ShadowService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The registry and the shadows on disk, when Zhidian Local runs with a data directory: one JSON file,
 * written whole to a temporary file and moved into place, on close and every few seconds (so a killed
 * process loses at most those seconds), read on start.
 */
final class Snapshots {
    private final Path file;

    Snapshots(Path dataDir) {
        this.file = dataDir.resolve("iot.json");
    }

    void load(ThingRegistry registry, ShadowService shadows) {
        if (!Files.exists(file)) {
            return;
        }
        try {
            var root = ShadowJson.MAPPER.readTree(file.toFile());
            registry.restore(root.path("registry"));
            shadows.restore(root.path("shadows"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    synchronized void save(ThingRegistry registry, ShadowService shadows) {
        ObjectNode root = ShadowJson.object();
        root.set("registry", registry.export());
        root.set("shadows", shadows.export());
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling("iot.json.tmp");
            Files.write(temp, ShadowJson.bytes(root));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}

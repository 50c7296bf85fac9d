package com.zhidian.local.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The tenant portal's built files, from a directory or from the classpath (the portal jar carries
 * {@code dist/} under {@code zhidian-portal/}). {@code /} is {@code index.html}.
 */
public final class StaticPortal {
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"), Map.entry("map", "application/json"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"), Map.entry("woff", "font/woff"), Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"), Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("webmanifest", "application/manifest+json"), Map.entry("wasm", "application/wasm"));

    /** A file to send. */
    public record Asset(byte[] bytes, String contentType, boolean immutable) {}

    private final Path dir;
    private final String classpathPrefix;
    private final ClassLoader loader;

    private StaticPortal(Path dir, String classpathPrefix, ClassLoader loader) {
        this.dir = dir;
        this.classpathPrefix = classpathPrefix;
        this.loader = loader;
    }

    public static StaticPortal directory(Path dir) { return new StaticPortal(dir.toAbsolutePath().normalize(), null, null); }

    public static StaticPortal classpath(String prefix, ClassLoader loader) {
        String p = prefix.endsWith("/") ? prefix : prefix + "/";
        return new StaticPortal(null, p.startsWith("/") ? p.substring(1) : p, loader);
    }

    public String describe() { return dir != null ? dir.toString() : "classpath:" + classpathPrefix; }

    /** Whether there is anything to serve (an index.html). */
    public boolean available() {
        try {
            return find("/") != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** The asset for a request path, or null. Never leaves the portal's root. */
    public Asset find(String rawPath) throws IOException {
        String path = rawPath.equals("/") || rawPath.isEmpty() ? "/index.html" : rawPath;
        if (path.contains("..") || path.contains("\\") || path.contains("\0")) return null;
        String rel = path.substring(1);
        byte[] bytes = null;
        if (dir != null) {
            Path f = dir.resolve(rel).normalize();
            if (f.startsWith(dir) && Files.isRegularFile(f)) bytes = Files.readAllBytes(f);
        } else {
            try (InputStream in = loader.getResourceAsStream(classpathPrefix + rel)) {
                if (in != null) bytes = in.readAllBytes();
            }
        }
        if (bytes == null) return null;
        int dot = rel.lastIndexOf('.');
        String ext = dot < 0 ? "" : rel.substring(dot + 1).toLowerCase(Locale.ROOT);
        String type = TYPES.getOrDefault(ext, "application/octet-stream");
        return new Asset(bytes, type, rel.startsWith("assets/"));
    }
}

package com.zhidian.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The machine a run ran on, for the header of RESULTS.md. */
public final class Machine {
    private Machine() {}

    public static int nproc() { return Runtime.getRuntime().availableProcessors(); }

    public static String memory() {
        for (String l : lines("/proc/meminfo")) {
            if (l.startsWith("MemTotal:")) {
                long kb = Long.parseLong(l.replaceAll("[^0-9]", ""));
                return String.format("%.1f GiB", kb / 1024.0 / 1024.0);
            }
        }
        return "unknown";
    }

    public static String cpu() {
        for (String l : lines("/proc/cpuinfo")) if (l.startsWith("model name")) return l.substring(l.indexOf(':') + 1).trim();
        return System.getProperty("os.arch");
    }

    public static String loadAverage() {
        List<String> l = lines("/proc/loadavg");
        return l.isEmpty() ? "unknown" : String.join(" ", List.of(l.get(0).split(" ")).subList(0, 3));
    }

    public static String javaVersion(String java) {
        String out = run(java, "-version");
        return out == null ? System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                : String.join(" / ", out.strip().split("\\R"));
    }

    public static String gitRevision(Path root) {
        String rev = run("git", "-C", root.toString(), "rev-parse", "--short", "HEAD");
        String dirty = run("git", "-C", root.toString(), "status", "--porcelain", "--untracked-files=normal", "--", "functions", "infrastructure");
        if (rev == null) return "unknown";
        return rev.strip() + (dirty != null && !dirty.isBlank() ? " + uncommitted changes in functions/ or infrastructure/" : "");
    }

    static String run(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(20, TimeUnit.SECONDS)) p.destroyForcibly();
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException e) {
            return List.of();
        }
    }
}

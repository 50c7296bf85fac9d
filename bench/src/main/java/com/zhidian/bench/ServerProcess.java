package com.zhidian.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Zhidian Local in a child JVM ({@code com.zhidian.local.Main --in-memory} on free loopback ports, working
 * directory the repository root so it reads the same template.yaml), so the load generator's own work and
 * garbage do not pause the server it measures.
 */
public final class ServerProcess implements AutoCloseable {
    private final Process process;
    public final String gateway;
    public final List<String> command;

    private ServerProcess(Process process, String gateway, List<String> command) {
        this.process = process;
        this.gateway = gateway;
        this.command = command;
    }

    public long pid() { return process.pid(); }

    /** The JVM options ./zhidian-local starts Zhidian Local with (huge pages only on Linux, where the flag exists). */
    static List<String> runCommandJvm() {
        List<String> jvm = new ArrayList<>(List.of("-XX:+UseParallelGC", "-XX:InitialRAMPercentage=12.5"));
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            jvm.add("-XX:+UseTransparentHugePages");
        }
        return List.copyOf(jvm);
    }

    /** CPU time (user + system) the process has used so far, in microseconds; -1 where /proc is not readable. */
    public static long cpuMicros(long pid) {
        try {
            String stat = java.nio.file.Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);   // utime, stime (fields 14, 15)
            return ticks * 10_000;                                          // USER_HZ = 100
        } catch (Exception e) {
            return -1;
        }
    }

    public static ServerProcess start(String java, String classpath, List<String> jvmOptions, List<String> args, Path root, Path log)
            throws IOException, InterruptedException {
        int gw = freePort(), ddb = freePort(), cog = freePort();
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(jvmOptions);
        cmd.add("-DLOG_LEVEL=WARN");
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add("com.zhidian.local.Main");
        cmd.addAll(List.of("--in-memory", "--port", "" + gw, "--dynamo-port", "" + ddb, "--cognito-port", "" + cog));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        Process p = pb.start();
        String url = "http://localhost:" + gw;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) throw new IOException("Zhidian Local exited (" + p.exitValue() + "); see " + log);
            try {
                if (Http.get(url + "/local/health", null).status() == 200) {
                    List<String> shown = new ArrayList<>(cmd);
                    int i = shown.indexOf("-cp");
                    shown.set(i + 1, "<bench classpath>");
                    return new ServerProcess(p, url, shown);
                }
            } catch (RuntimeException e) {
                // not yet listening
            }
            Thread.sleep(200);
        }
        p.destroyForcibly();
        throw new IOException("Zhidian Local did not answer /local/health within 90 s; see " + log);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}

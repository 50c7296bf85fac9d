package com.zhidian.local.dynamodb;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** dynalite 4.0.0 from npm, installed under target/dynalite on first use, run as a separate node process. */
final class Dynalite implements AutoCloseable {
    static final String VERSION = "4.0.0";
    final Process process;
    final URI endpoint;

    private Dynalite(Process p, int port) {
        this.process = p;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    /** Why dynalite cannot run here, or null when it can. */
    static String unavailableReason() {
        if (!onPath("node") || !onPath("npm")) return "node/npm not found on PATH";
        try {
            install();
            return null;
        } catch (Exception e) {
            return "npm install dynalite@" + VERSION + " failed: " + e.getMessage();
        }
    }

    static boolean onPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String d : path.split(File.pathSeparator)) if (Files.isExecutable(Path.of(d, exe))) return true;
        return false;
    }

    static Path dir() {
        return Path.of(System.getProperty("dynalite.dir", "target/dynalite")).toAbsolutePath();
    }

    static synchronized Path install() throws IOException, InterruptedException {
        Path dir = dir();
        Path cli = dir.resolve("node_modules/dynalite/cli.js");
        if (Files.exists(cli)) return cli;
        Files.createDirectories(dir);
        Process p = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--silent", "--prefix", dir.toString(), "dynalite@" + VERSION)
                .redirectErrorStream(true).redirectOutput(dir.resolve("npm-install.log").toFile()).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) { p.destroyForcibly(); throw new IOException("npm install timed out"); }
        if (p.exitValue() != 0 || !Files.exists(cli)) throw new IOException("npm exit " + p.exitValue() + ", see " + dir.resolve("npm-install.log"));
        return cli;
    }

    static Dynalite start() throws IOException, InterruptedException {
        Path cli = install();
        int port;
        try (ServerSocket s = new ServerSocket(0)) { port = s.getLocalPort(); }
        Process p = new ProcessBuilder(List.of("node", cli.toString(), "--port", Integer.toString(port),
                "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return new Dynalite(p, port);
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        p.destroyForcibly();
        throw new IOException("dynalite did not start");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

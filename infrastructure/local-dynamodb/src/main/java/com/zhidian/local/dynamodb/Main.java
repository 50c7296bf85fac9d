package com.zhidian.local.dynamodb;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** Standalone: {@code java -cp ... com.zhidian.local.dynamodb.Main [--port 8000] (--data-dir DIR | --in-memory) [--region R]}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        int port = 8000;
        Path dir = null;
        boolean inMemory = false;
        String region = "us-east-1";
        String host = "127.0.0.1";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port": port = Integer.parseInt(args[++i]); break;
                case "--data-dir": dir = Path.of(args[++i]); break;
                case "--in-memory": inMemory = true; break;
                case "--region": region = args[++i]; break;
                case "--host": host = args[++i]; break;
                case "-h": case "--help":
                    System.out.println("usage: Main [--port 8000] [--host 127.0.0.1] [--region us-east-1] (--data-dir DIR | --in-memory)");
                    return;
                default:
                    System.err.println("unknown argument: " + args[i]);
                    System.exit(2);
            }
        }
        if (dir == null && !inMemory) {
            System.err.println("give --data-dir DIR or --in-memory");
            System.exit(2);
        }
        long t0 = System.nanoTime();
        LocalDynamoDb.Options o = (dir != null ? LocalDynamoDb.Options.persistent(dir) : LocalDynamoDb.Options.inMemory())
                .port(port).region(region).host(host);
        LocalDynamoDb db = LocalDynamoDb.start(o);
        Runtime.getRuntime().addShutdownHook(new Thread(db::close));
        System.out.println("local-dynamodb listening on " + db.endpoint() + (dir != null ? " data-dir " + dir.toAbsolutePath() : " (in memory)")
                + " in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        System.out.flush();
        new CountDownLatch(1).await();
    }
}

package com.zhidian.local.dynamodb;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.*;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicBoolean;

import static com.zhidian.local.dynamodb.Clients.*;
import static org.junit.jupiter.api.Assertions.*;

/** Persistence: restart keeps data; kill -9 of a separate process loses no acknowledged write and no transaction half. */
class DurabilityTest {

    @Test
    @DisplayName("Persistent mode: tables, items, GSIs and TTL settings survive close and restart")
    void restartKeepsData(@TempDir Path dir) {
        try (LocalDynamoDb db = LocalDynamoDb.start(LocalDynamoDb.Options.persistent(dir).port(0)); DynamoDbClient c = client(db.endpoint())) {
            createZhidianTable(c, "zhidian");
            c.updateTimeToLive(b -> b.tableName("zhidian").timeToLiveSpecification(s -> s.attributeName("ttl").enabled(true)));
            for (int i = 0; i < 50; i++) c.putItem(item("zhidian", i));
            c.deleteItem(b -> b.tableName("zhidian").key(Map.of("pk", s("p0"), "sk", s("s"))));
        }
        try (LocalDynamoDb db = LocalDynamoDb.start(LocalDynamoDb.Options.persistent(dir).port(0)); DynamoDbClient c = client(db.endpoint())) {
            assertEquals(49, c.scan(b -> b.tableName("zhidian")).count());
            assertEquals(49, c.query(b -> b.tableName("zhidian").indexName("gsi1").keyConditionExpression("gsi1pk = :g")
                    .expressionAttributeValues(Map.of(":g", s("G")))).count());
            assertEquals(TimeToLiveStatus.ENABLED, c.describeTimeToLive(b -> b.tableName("zhidian")).timeToLiveDescription().timeToLiveStatus());
        }
    }

    @Test
    @DisplayName("Persistent mode: a data directory is locked; a second stand-in on it is refused")
    void dataDirLocked(@TempDir Path dir) {
        try (LocalDynamoDb db = LocalDynamoDb.start(LocalDynamoDb.Options.persistent(dir).port(0))) {
            assertThrows(IllegalStateException.class, () -> LocalDynamoDb.start(LocalDynamoDb.Options.persistent(dir).port(0)));
        }
        LocalDynamoDb.start(LocalDynamoDb.Options.persistent(dir).port(0)).close();
    }

    private static PutItemRequest item(String t, int i) {
        return PutItemRequest.builder().tableName(t).item(Map.of("pk", s("p" + i), "sk", s("s"), "gsi1pk", s("G"), "gsi1sk", s("" + i))).build();
    }

    @Test
    @DisplayName("Persistent mode: a torn record at the end of the log (crash mid-append) is dropped, earlier records are kept")
    void tornTail(@TempDir Path dir) throws Exception {
        try (LocalDynamoDb db = LocalDynamoDb.start(LocalDynamoDb.Options.persistent(dir).port(0)); DynamoDbClient c = client(db.endpoint())) {
            createZhidianTable(c, "zhidian");
        }
        // a log with one good record followed by half a record, as a crash mid-write leaves it
        try (LocalDynamoDb db = LocalDynamoDb.start(LocalDynamoDb.Options.persistent(dir).port(0).checkpointBytes(Long.MAX_VALUE));
             DynamoDbClient c = client(db.endpoint())) {
            c.putItem(item("zhidian", 1));
            Path walFile;
            try (var files = Files.list(dir)) {
                walFile = files.filter(f -> f.getFileName().toString().matches("wal-\\d+\\.log")).findFirst().orElseThrow();
            }
            byte[] log = Files.readAllBytes(walFile);
            assertTrue(log.length > 8);
            // simulate: copy the directory state as it is now (before close checkpoints), plus a torn tail
            Path copy = Files.createTempDirectory(dir.getParent(), "torn");
            Files.copy(dir.resolve("snapshot.json"), copy.resolve("snapshot.json"));
            byte[] torn = Arrays.copyOf(log, log.length + log.length / 2);
            System.arraycopy(log, 0, torn, log.length, log.length / 2);
            Files.write(copy.resolve(walFile.getFileName().toString()), torn);
            try (LocalDynamoDb db2 = LocalDynamoDb.start(LocalDynamoDb.Options.persistent(copy).port(0)); DynamoDbClient c2 = client(db2.endpoint())) {
                assertEquals(1, c2.scan(b -> b.tableName("zhidian")).count());
            }
        }
    }

    @Test
    @DisplayName("Persistent mode: a crash between writing a new snapshot and starting its log does not replay the old log twice")
    void checkpointCrashWindow(@TempDir Path dir) throws Exception {
        try (LocalDynamoDb db = LocalDynamoDb.start(LocalDynamoDb.Options.persistent(dir).port(0).checkpointBytes(Long.MAX_VALUE));
             DynamoDbClient c = client(db.endpoint())) {
            createZhidianTable(c, "zhidian");
            c.putItem(item("zhidian", 1));
            Path walFile;
            try (var files = Files.list(dir)) {
                walFile = files.filter(f -> f.getFileName().toString().matches("wal-\\d+\\.log")).findFirst().orElseThrow();
            }
            Path copy = Files.createTempDirectory(dir.getParent(), "window");
            Files.copy(walFile, copy.resolve(walFile.getFileName().toString()));   // the old log, still there
            db.close();                                                              // writes the next snapshot
            Files.copy(dir.resolve("snapshot.json"), copy.resolve("snapshot.json"));
            try (LocalDynamoDb db2 = LocalDynamoDb.start(LocalDynamoDb.Options.persistent(copy).port(0)); DynamoDbClient c2 = client(db2.endpoint())) {
                assertEquals(1, c2.scan(b -> b.tableName("zhidian")).count());
            }
        }
    }

    @Test
    @DisplayName("Crash: kill -9 of the stand-in process mid-stream loses no acknowledged write and leaves no partial transaction")
    void killDashNine(@TempDir Path dir) throws Exception {
        Process p = spawn(dir);
        URI endpoint = endpointOf(p);
        Set<String> acked = ConcurrentHashMap.newKeySet();
        Set<Integer> ackedTx = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        try (DynamoDbClient c = client(endpoint)) {
            createZhidianTable(c, "zhidian");
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> fs = new ArrayList<>();
            for (int th = 0; th < 4; th++) {
                int thread = th;
                fs.add(pool.submit(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        try {
                            if (i % 3 == 0) {
                                int tx = thread * 1_000_000 + i;
                                c.transactWriteItems(b -> b.transactItems(
                                        TransactWriteItem.builder().put(Put.builder().tableName("zhidian").item(Map.of("pk", s("txa" + tx), "sk", s("s"))).build()).build(),
                                        TransactWriteItem.builder().put(Put.builder().tableName("zhidian").item(Map.of("pk", s("txb" + tx), "sk", s("s"))).build()).build()));
                                ackedTx.add(tx);
                            } else {
                                String k = "w" + thread + "-" + i;
                                c.putItem(b -> b.tableName("zhidian").item(Map.of("pk", s(k), "sk", s("s"), "payload", s("x".repeat(200)))));
                                acked.add(k);
                            }
                        } catch (RuntimeException e) {
                            return; // the server died
                        }
                    }
                }));
            }
            // kill in the middle of the stream: once enough writes are acknowledged (however loaded the machine is)
            long deadline = System.currentTimeMillis() + 60_000;
            while ((acked.size() < 150 || ackedTx.size() < 30) && System.currentTimeMillis() < deadline) Thread.sleep(20);
            p.destroyForcibly(); // SIGKILL
            p.waitFor();
            stop.set(true);
            for (Future<?> f : fs) f.get();
            pool.shutdown();
        }
        assertTrue(acked.size() >= 150 && ackedTx.size() >= 30, "wrote " + acked.size() + " puts and " + ackedTx.size() + " transactions");
        Process p2 = spawn(dir);
        try (DynamoDbClient c = client(endpointOf(p2))) {
            Set<String> present = new HashSet<>();
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> st = start;
                ScanResponse r = c.scan(b -> b.tableName("zhidian").exclusiveStartKey(st));
                r.items().forEach(i -> present.add(i.get("pk").s()));
                start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
            } while (start != null);
            for (String k : acked) assertTrue(present.contains(k), "acknowledged write lost: " + k);
            for (int tx : ackedTx) assertTrue(present.contains("txa" + tx) && present.contains("txb" + tx), "acknowledged transaction lost: " + tx);
            for (String k : present) {
                if (k.startsWith("txa")) assertTrue(present.contains("txb" + k.substring(3)), "half a transaction: " + k);
                if (k.startsWith("txb")) assertTrue(present.contains("txa" + k.substring(3)), "half a transaction: " + k);
            }
            System.out.println("crash test: " + acked.size() + " puts and " + ackedTx.size() + " transactions acknowledged, " + present.size() + " items after restart");
        } finally {
            p2.destroyForcibly();
            p2.waitFor();
        }
    }

    static Process spawn(Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--port", "0", "--data-dir", dir.toString());
        pb.redirectErrorStream(true);
        return pb.start();
    }

    static URI endpointOf(Process p) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                String l;
                while ((l = r.readLine()) != null) if (l.contains("listening on ")) return l;
                return null;
            } catch (Exception e) {
                return null;
            }
        });
        String l = line.get(30, TimeUnit.SECONDS);
        assertNotNull(l, "stand-in process did not start");
        String u = l.substring(l.indexOf("http://")).split(" ")[0];
        // keep draining output so the child never blocks
        Thread drain = new Thread(() -> { try { while (r.readLine() != null) { } } catch (Exception ignored) { } });
        drain.setDaemon(true);
        drain.start();
        return URI.create(u);
    }
}

package com.zhidian.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/**
 * Write-ahead log: each acknowledged write is one framed record {@code [len:int][crc32:int][json]}, forced to disk
 * before the request is answered. Concurrent writers share one fsync (group commit). A torn or corrupt tail (a crash
 * in the middle of an append) ends the replay, so a record (and so a whole transaction) is applied completely or not at all.
 *
 * <p>Files in the data directory: {@code snapshot.json} (state at the last checkpoint, with its generation g) and
 * {@code wal-g.log} (records after it). A checkpoint writes snapshot g+1 atomically (temp file, fsync, rename) before
 * it starts {@code wal-(g+1).log} and deletes the old log, so a crash at any point recovers either the old snapshot
 * plus the old log or the new snapshot plus the new (possibly empty) log, never a log replayed twice.
 */
final class Wal implements AutoCloseable {
    private final Path dir;
    private FileChannel ch;
    private FileChannel lockChannel;
    private java.nio.channels.FileLock lock;
    private long generation;
    private volatile long written;      // bytes handed to the OS
    private volatile long synced;       // bytes known to be on disk
    private final Object syncLock = new Object();

    Wal(Path dir) {
        this.dir = dir;
    }

    Path snapshotFile() { return dir.resolve("snapshot.json"); }
    Path logFile() { return dir.resolve("wal-" + generation + ".log"); }

    /** Reads the snapshot (if any) and replays the log; then opens the log for appending. */
    void recover(Consumer<JsonNode> snapshot, Consumer<JsonNode> record) {
        try {
            Files.createDirectories(dir);
            lockChannel = FileChannel.open(dir.resolve("LOCK"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = lockChannel.tryLock();
            if (lock == null) {
                lockChannel.close();
                throw new IllegalStateException("data directory " + dir + " is in use by another local-dynamodb");
            }
            Path snap = snapshotFile();
            if (Files.exists(snap)) {
                JsonNode sn = Codec.MAPPER.readTree(snap.toFile());
                generation = sn.path("generation").asLong(0);
                snapshot.accept(sn);
            }
            Path log = logFile();
            try (var files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    String n = f.getFileName().toString();
                    if (n.startsWith("wal-") && n.endsWith(".log") && !f.equals(log)) Files.deleteIfExists(f); // from before a finished checkpoint
                }
            }
            long valid = 0;
            if (Files.exists(log)) {
                byte[] all = Files.readAllBytes(log);
                ByteBuffer bb = ByteBuffer.wrap(all);
                while (bb.remaining() >= 8) {
                    int len = bb.getInt();
                    int crc = bb.getInt();
                    if (len < 0 || len > bb.remaining()) break;
                    CRC32 c = new CRC32();
                    c.update(all, bb.position(), len);
                    if ((int) c.getValue() != crc) break;
                    JsonNode n = Codec.MAPPER.readTree(all, bb.position(), len);
                    bb.position(bb.position() + len);
                    record.accept(n);
                    valid = bb.position();
                }
            }
            boolean created = !Files.exists(log);
            ch = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
            if (created) fsyncDir();
            ch.truncate(valid); // drop a torn tail
            ch.position(valid);
            written = synced = valid;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends one record (caller holds the engine write lock, so records are in commit order). Returns its end offset. */
    long append(ObjectNode rec) {
        try {
            byte[] body = Codec.MAPPER.writeValueAsBytes(rec);
            CRC32 c = new CRC32();
            c.update(body);
            ByteBuffer bb = ByteBuffer.allocate(8 + body.length);
            bb.putInt(body.length).putInt((int) c.getValue()).put(body).flip();
            while (bb.hasRemaining()) ch.write(bb);
            written += 8 + body.length;
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns once everything up to {@code pos} is on disk; one force covers every writer waiting meanwhile. */
    void sync(long pos) {
        if (synced >= pos) return;
        synchronized (syncLock) {
            if (synced >= pos) return;
            try {
                long target = written;
                ch.force(false);
                synced = Math.max(synced, target);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    long size() { return written; }

    private void fsyncDir() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException ignored) {
            // directory fsync is not supported on every platform
        }
    }

    /** Writes a snapshot atomically and starts an empty log. Caller holds the engine write lock. */
    void checkpoint(ObjectNode state) {
        try {
            long next = generation + 1;
            state.put("generation", next);
            Path tmp = dir.resolve("snapshot.json.tmp");
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bb = ByteBuffer.wrap(Codec.MAPPER.writeValueAsBytes(state));
                while (bb.hasRemaining()) out.write(bb);
                out.force(true);
            }
            Files.move(tmp, snapshotFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            fsyncDir();
            synchronized (syncLock) {
                Path old = logFile();
                ch.close();
                generation = next;
                ch = FileChannel.open(logFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ,
                        StandardOpenOption.TRUNCATE_EXISTING);
                written = synced = 0;
                fsyncDir(); // the new log's directory entry is durable before any write in it is acknowledged
                Files.deleteIfExists(old);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (ch != null) {
                ch.force(true);
                ch.close();
            }
            if (lock != null) {
                lock.release();
                lockChannel.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

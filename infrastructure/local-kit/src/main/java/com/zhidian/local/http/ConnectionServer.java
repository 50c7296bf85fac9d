package com.zhidian.local.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Accepts connections and serves each on its own daemon thread, with TCP_NODELAY. A thread per connection
 * reads a request and writes its answer without handing the socket to another thread: on a loopback hop
 * that saves the wake-ups a selector and a worker pool cost (bench/README.md).
 */
final class ConnectionServer implements AutoCloseable {
    /** Serves one connection until it ends; the server closes the socket afterwards. */
    interface Connection {
        void serve(Socket socket, ConnectionServer server) throws IOException;
    }

    private final ServerSocket server;
    private final Connection connection;
    private final String threadName;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger threads = new AtomicInteger();
    private volatile boolean closed;

    ConnectionServer(String host, int port, int backlog, String threadName, Connection connection) throws IOException {
        this.connection = connection;
        this.threadName = threadName;
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getByName(host), port), backlog);
        Thread acceptor = new Thread(this::acceptLoop, threadName + "-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() { return server.getLocalPort(); }

    public boolean closed() { return closed; }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                open.add(s);
                Thread t = new Thread(() -> serve(s), threadName + "-" + threads.incrementAndGet());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (closed) return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            connection.serve(s, this);
        } catch (java.net.SocketException e) {
            // the peer went away, or the server is closing
        } catch (IOException | RuntimeException e) {
            if (!closed) e.printStackTrace();
        } finally {
            open.remove(s);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}

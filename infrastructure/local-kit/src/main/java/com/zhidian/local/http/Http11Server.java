package com.zhidian.local.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;

/**
 * An HTTP/1.1 server over {@link ConnectionServer}: each connection's thread reads a request with
 * {@link Http11Reader}, answers {@code Expect: 100-continue}, and hands the request to the stand-in's
 * {@link Handler}, which writes its whole answer at once. Requests whose framing the reader refuses are answered
 * with the reader's status and the connection is closed, so no bytes after them are read as a request.
 */
public final class Http11Server implements AutoCloseable {
    /** Answers one request. */
    public interface Handler {
        /**
         * Writes the answer to {@code out}. {@code body} is cut to {@code maxBody + 1} bytes when it was longer;
         * {@code close}: the connection closes after this answer (say {@code Connection: close}). Returns false to
         * close the connection at once.
         */
        boolean answer(Socket socket, Http11Reader.Head head, byte[] body, boolean close, OutputStream out) throws IOException;
    }

    private final ConnectionServer server;
    private final Handler handler;
    private final int maxBody;

    public Http11Server(String host, int port, int backlog, String threadName, int maxBody, Handler handler) throws IOException {
        this.handler = handler;
        this.maxBody = maxBody;
        server = new ConnectionServer(host, port, backlog, threadName, this::serve);
    }

    public int port() { return server.port(); }

    private void serve(Socket s, ConnectionServer srv) throws IOException {
        Http11Reader in = new Http11Reader(s.getInputStream());
        OutputStream out = s.getOutputStream();
        while (!srv.closed()) {
            Http11Reader.Head head;
            byte[] body;
            try {
                head = in.head();
                if (head == null) return;
                Http11Writer.continueIfExpected(head, out);
                body = in.body(head, maxBody);
                if (body == null) return;
            } catch (Http11Reader.BadRequest e) {
                Http11Writer.refuse(out, e.status);
                lingeringClose(s);
                return;
            }
            boolean close = head.close() || body.length > maxBody; // a longer body stays unread
            if (!handler.answer(s, head, body, close, out) || close) return;
        }
    }

    /**
     * Ends the connection after a refusal with bytes of the request still unread: closing at once would send a
     * reset that can discard the answer before the client reads it (RFC 9112 §9.6), so the output is shut first
     * and what the client is still sending is read away, for a second at most.
     */
    private static void lingeringClose(Socket s) {
        try {
            s.shutdownOutput();
            s.setSoTimeout(1000);
            byte[] sink = new byte[8192];
            long deadline = System.nanoTime() + 1_000_000_000L;
            var in = s.getInputStream();
            while (System.nanoTime() < deadline && in.read(sink) >= 0) { /* discard */ }
        } catch (IOException e) {
            // the client went away first
        }
    }

    @Override
    public void close() {
        server.close();
    }
}

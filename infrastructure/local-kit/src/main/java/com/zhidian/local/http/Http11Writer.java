package com.zhidian.local.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What Zhidian Local's HTTP/1.1 servers write: status lines, the interim 100 Continue, and an answer's head and
 * body in one write (on loopback a second write is a second wake-up of the reader).
 */
public final class Http11Writer {
    private Http11Writer() {}

    /** {@code HTTP/1.1 <status> <reason>} and its CRLF. */
    public static String statusLine(int status) {
        return "HTTP/1.1 " + status + " " + reason(status) + "\r\n";
    }

    /** Answers {@code Expect: 100-continue}, so the client sends the body. */
    public static void continueIfExpected(Http11Reader.Head head, OutputStream out) throws IOException {
        if (!head.expectContinue()) return;
        out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** A refusal the reader found ({@link Http11Reader.BadRequest}): status, no body, and the connection closes. */
    public static void refuse(OutputStream out, int status) throws IOException {
        out.write((statusLine(status) + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** The head (status line, headers, blank line) and the first {@code length} bytes of body, in one write. */
    public static void write(OutputStream out, String head, byte[] body, int length) throws IOException {
        byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[h.length + length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, length);
        out.write(all);
        out.flush();
    }

    /** The reason phrase of each status code the servers answer with (RFC 9110 §15). */
    private static String reason(int status) {
        return switch (status) {
            case 100 -> "Continue";
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 412 -> "Precondition Failed";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> status < 300 ? "OK" : status < 400 ? "Redirect" : status < 500 ? "Client Error" : "Server Error";
        };
    }
}

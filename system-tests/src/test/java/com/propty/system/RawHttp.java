package com.propty.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * HTTP/1.1 written byte for byte on a socket: request targets with raw NUL, non-UTF-8 bytes or broken
 * percent-encodings, which {@code java.net.http} refuses to send. One request per connection
 * ({@code Connection: close}); the body is written while the answer is read, so an early refusal (413) is seen.
 */
public final class RawHttp {

    public record Response(int status, Map<String, String> headers, byte[] body) {

        public String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String host;
    private final int port;

    public RawHttp(String baseUrl) {
        URI uri = URI.create(baseUrl);
        this.host = uri.getHost();
        this.port = uri.getPort();
    }

    /** {@code target} is written as ISO-8859-1, so each char below 256 is one byte on the wire. */
    public Response send(String method, String target, Map<String, String> headers, byte[] body) throws IOException {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(host).append(':').append(port).append("\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            CompletableFuture<Void> writing = body == null ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.runAsync(() -> {
                        try {
                            out.write(body);
                            out.flush();
                        } catch (IOException e) {
                            // The server answered and closed before reading it all (413): its answer is what counts.
                        }
                    });
            byte[] received = readAll(socket.getInputStream());
            writing.join();
            return parse(received);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[16384];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                received.write(buffer, 0, n);
            }
        } catch (SocketException e) {
            if (received.size() == 0) {
                throw e;
            }
            // reset after the answer arrived: keep what was read
        }
        return received.toByteArray();
    }

    static Response parse(byte[] bytes) throws IOException {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0 || !text.startsWith("HTTP/1.1 ")) {
            throw new IOException("not an HTTP response: " + text.substring(0, Math.min(200, text.length())));
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] rest = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        if (headers.getOrDefault("transfer-encoding", "").equalsIgnoreCase("chunked")) {
            rest = dechunk(rest);
        }
        return new Response(status, headers, rest);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = at;
            while (lineEnd + 1 < chunked.length && !(chunked[lineEnd] == '\r' && chunked[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size = sizeLine.isEmpty() ? 0 : Integer.parseInt(sizeLine, 16);
            if (size == 0) {
                break;
            }
            int start = lineEnd + 2;
            body.write(chunked, start, Math.min(size, chunked.length - start));
            at = start + size + 2;
        }
        return body.toByteArray();
    }
}

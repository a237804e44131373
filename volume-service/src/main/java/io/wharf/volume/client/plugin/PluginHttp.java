package io.wharf.volume.client.plugin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One POST of Docker's plugin protocol (HTTP/1.1, JSON, {@code Connection: close}) to a unix socket or
 * a TCP address; the answer is read to the end of the connection, with Content-Length or chunked bodies.
 */
public final class PluginHttp {
    /** A plugin answer: status code and body. */
    public record Answer(int status, String body) {
    }

    static final String ACCEPT = "application/vnd.docker.plugins.v1.2+json";
    private static final int TCP_TIMEOUT_MS = 30_000;

    private PluginHttp() {
    }

    public static Answer post(PluginAddress address, String path, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: plugin\r\nContent-Type: application/json\r\nAccept: "
                + ACCEPT + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        if (address.socket() != null) {
            try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                channel.connect(UnixDomainSocketAddress.of(address.socket()));
                return exchange(Channels.newOutputStream(channel), Channels.newInputStream(channel), head, body);
            }
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.host(), address.port()), TCP_TIMEOUT_MS);
            socket.setSoTimeout(TCP_TIMEOUT_MS);
            return exchange(socket.getOutputStream(), socket.getInputStream(), head, body);
        }
    }

    private static Answer exchange(OutputStream out, InputStream in, String head, byte[] body) throws IOException {
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        byte[] raw = in.readAllBytes();
        return parse(raw);
    }

    static Answer parse(byte[] raw) throws IOException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0 || !text.startsWith("HTTP/")) {
            throw new IOException("malformed plugin answer");
        }
        String[] lines = text.substring(0, end).split("\r\n");
        String[] status = lines[0].split(" ");
        int code = Integer.parseInt(status[1]);
        boolean chunked = false;
        int length = -1;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].toLowerCase(Locale.ROOT);
            if (line.startsWith("transfer-encoding:") && line.contains("chunked")) {
                chunked = true;
            } else if (line.startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).strip());
            }
        }
        int start = end + 4;
        byte[] payload;
        if (chunked) {
            payload = dechunk(raw, start);
        } else {
            int stop = length < 0 ? raw.length : Math.min(raw.length, start + length);
            payload = java.util.Arrays.copyOfRange(raw, start, stop);
        }
        return new Answer(code, new String(payload, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] raw, int pos) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (pos < raw.length) {
            int lineEnd = pos;
            while (lineEnd + 1 < raw.length && !(raw[lineEnd] == '\r' && raw[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            String sizeText = new String(raw, pos, lineEnd - pos, StandardCharsets.US_ASCII).split(";")[0].strip();
            int size;
            try {
                size = Integer.parseInt(sizeText, 16);
            } catch (NumberFormatException e) {
                throw new IOException("malformed chunk in plugin answer");
            }
            if (size == 0) {
                break;
            }
            pos = lineEnd + 2;
            out.write(raw, pos, Math.min(size, raw.length - pos));
            pos += size + 2;
        }
        return out.toByteArray();
    }
}

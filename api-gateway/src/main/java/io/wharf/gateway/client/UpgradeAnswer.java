package io.wharf.gateway.client;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a service's answer to an upgrade request off a raw connection: the status line and
 * headers, then either the hijacked stream (its first bytes may arrive with the head) or, for a
 * refusal, a body of {@code Content-Length} bytes.
 */
final class UpgradeAnswer {
    private static final int MAX_HEAD = 64 * 1024;

    /** The status and headers of the answer. */
    record Head(int status, Map<String, String> headers) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final NetSocket socket;
    private Buffer received = Buffer.buffer();
    private Buffer remainder = Buffer.buffer();

    UpgradeAnswer(NetSocket socket) {
        this.socket = socket;
    }

    /** Calls {@code onHead} once the head is complete; the bytes after it are kept in {@link #remainder()}. */
    void onHead(Handler<Head> onHead) {
        socket.handler(data -> {
            received.appendBuffer(data);
            int end = indexOfBlankLine(received);
            if (end < 0) {
                if (received.length() > MAX_HEAD) {
                    socket.close();
                }
                return;
            }
            socket.handler(null);
            socket.pause();
            remainder = received.getBuffer(end + 4, received.length());
            Head head = parse(received.getString(0, end, StandardCharsets.ISO_8859_1.name()));
            received = null;
            onHead.handle(head);
            socket.resume();
        });
    }

    Buffer remainder() {
        return remainder;
    }

    /** Reads a refusal's body: {@code Content-Length} bytes, or everything until the service closes. */
    void readBody(Head head, Handler<Buffer> onBody) {
        String length = head.header("Content-Length");
        long expected = length == null ? -1 : Long.parseLong(length.trim());
        Buffer body = Buffer.buffer().appendBuffer(remainder);
        boolean[] done = {false};
        Runnable finish = () -> {
            if (!done[0]) {
                done[0] = true;
                onBody.handle(body);
            }
        };
        if (expected >= 0 && body.length() >= expected) {
            finish.run();
            return;
        }
        socket.handler(data -> {
            body.appendBuffer(data);
            if (expected >= 0 && body.length() >= expected) {
                finish.run();
            }
        });
        socket.closeHandler(v -> finish.run());
    }

    static Head parse(String text) {
        String[] lines = text.split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status = statusLine.length > 1 ? Integer.parseInt(statusLine[1]) : 502;
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        return new Head(status, headers);
    }

    static int indexOfBlankLine(Buffer buffer) {
        for (int i = 0; i + 3 < buffer.length(); i++) {
            if (buffer.getByte(i) == '\r' && buffer.getByte(i + 1) == '\n' && buffer.getByte(i + 2) == '\r'
                    && buffer.getByte(i + 3) == '\n') {
                return i;
            }
        }
        return -1;
    }
}

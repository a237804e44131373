package io.wharf.container.domain;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One line of conmon's k8s-file log: {@code <RFC3339Nano> <stdout|stderr> <P|F> <content>}. P marks a
 * partial line (the container wrote no newline yet), F a full one whose newline conmon dropped.
 */
public record LogEntry(String timestamp, StdStream stream, boolean partial, byte[] content) {

    /** Parses one line without its trailing newline; null if it is not in the k8s-file format. */
    public static LogEntry parse(byte[] line, int from, int to) {
        int s1 = indexOf(line, (byte) ' ', from, to);
        if (s1 < 0) {
            return null;
        }
        int s2 = indexOf(line, (byte) ' ', s1 + 1, to);
        if (s2 < 0) {
            return null;
        }
        String stream = new String(line, s1 + 1, s2 - s1 - 1, StandardCharsets.US_ASCII);
        StdStream std = switch (stream) {
            case "stdout" -> StdStream.STDOUT;
            case "stderr" -> StdStream.STDERR;
            default -> null;
        };
        if (std == null) {
            return null;
        }
        int s3 = indexOf(line, (byte) ' ', s2 + 1, to);
        int tagEnd = s3 < 0 ? to : s3;
        String tag = new String(line, s2 + 1, tagEnd - s2 - 1, StandardCharsets.US_ASCII);
        boolean partial = tag.startsWith("P");
        byte[] content = s3 < 0 ? new byte[0] : Arrays.copyOfRange(line, s3 + 1, to);
        return new LogEntry(new String(line, from, s1 - from, StandardCharsets.US_ASCII), std, partial, content);
    }

    public static LogEntry parse(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return parse(bytes, 0, bytes.length);
    }

    /** What the container wrote: the content, plus the newline a full line had. */
    public byte[] payload() {
        if (partial) {
            return content;
        }
        byte[] out = Arrays.copyOf(content, content.length + 1);
        out[content.length] = '\n';
        return out;
    }

    private static int indexOf(byte[] b, byte c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }
}

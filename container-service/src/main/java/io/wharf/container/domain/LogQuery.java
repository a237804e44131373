package io.wharf.container.domain;

import io.wharf.common.error.WharfException;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code GET /containers/{id}/logs} asks for, and how one k8s-file entry is answered: filtered by
 * stream and time, optionally prefixed with its timestamp, framed with Docker's stdcopy header unless
 * the container has a TTY. Each conmon entry (a full line, or a partial one) is one message.
 */
public record LogQuery(boolean stdout, boolean stderr, boolean follow, Instant since, Instant until,
        boolean timestamps, int tail, boolean tty) {

    /** Docker's RFC3339NanoFixed: always nine fractional digits. */
    private static final DateTimeFormatter FIXED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** Parses the query parameters as dockerd does; {@code tail} "all" or negative means everything. */
    public static LogQuery parse(boolean stdout, boolean stderr, boolean follow, String since, String until,
            boolean timestamps, String tail, boolean tty) {
        if (!stdout && !stderr) {
            throw WharfException.invalid("Bad parameters: you must choose at least one stream");
        }
        return new LogQuery(stdout, stderr, follow, unixTime(since), unixTime(until), timestamps, tail(tail), tty);
    }

    /** dockerd's {@code since}/{@code until}: seconds since the epoch, optionally with a fraction; 0 or empty is unset. */
    static Instant unixTime(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            BigDecimal seconds = new BigDecimal(value.trim());
            if (seconds.signum() == 0) {
                return null;
            }
            long whole = seconds.longValue();
            long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
            return Instant.ofEpochSecond(whole, nanos);
        } catch (NumberFormatException e) {
            throw WharfException.invalid("invalid value for since or until: " + value);
        }
    }

    static int tail(String value) {
        if (value == null || value.isBlank() || value.equals("all")) {
            return -1;
        }
        try {
            int n = Integer.parseInt(value.trim());
            return n < 0 ? -1 : n;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The same query with another tail (-1: everything). */
    public LogQuery withTail(int lines) {
        return new LogQuery(stdout, stderr, follow, since, until, timestamps, lines, tty);
    }

    /** The complete entries of a log's bytes (a trailing incomplete line is left out), last {@code tail} only. */
    public List<LogEntry> select(byte[] log, int length) {
        ArrayDeque<LogEntry> kept = new ArrayDeque<>();
        int start = 0;
        for (int i = 0; i < length; i++) {
            if (log[i] == '\n') {
                LogEntry entry = LogEntry.parse(log, start, i);
                start = i + 1;
                if (entry == null) {
                    continue;
                }
                kept.addLast(entry);
                if (tail >= 0 && kept.size() > tail) {
                    kept.removeFirst();
                }
            }
        }
        return new ArrayList<>(kept);
    }

    /** The bytes to send for one entry, or an empty array when the query filters it out. */
    public byte[] render(LogEntry entry) {
        boolean wanted = entry.stream() == StdStream.STDERR ? stderr : stdout;
        if (!wanted) {
            return new byte[0];
        }
        Instant time = time(entry);
        if (time != null && ((since != null && time.isBefore(since)) || (until != null && time.isAfter(until)))) {
            return new byte[0];
        }
        byte[] payload = entry.payload();
        if (payload.length == 0) {
            return payload;
        }
        if (timestamps && time != null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 31);
            out.writeBytes((FIXED.format(time) + " ").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(payload);
            payload = out.toByteArray();
        }
        return tty ? payload : StreamFrames.frame(entry.stream(), payload);
    }

    static Instant time(LogEntry entry) {
        try {
            return OffsetDateTime.parse(entry.timestamp()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

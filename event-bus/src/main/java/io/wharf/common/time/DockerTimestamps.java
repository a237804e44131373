package io.wharf.common.time;

import io.wharf.common.error.WharfException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** moby's {@code timetypes.GetTimestamp} for {@code until}/{@code since}: Go durations, unix seconds, RFC3339. */
public final class DockerTimestamps {
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");
    private static final Pattern DURATION = Pattern.compile("-?(?:\\d+(?:\\.\\d+)?(?:ns|us|µs|ms|s|m|h))+");
    private static final Pattern UNIX = Pattern.compile("-?\\d+(?:\\.\\d+)?");

    private DockerTimestamps() {
    }

    public static Instant parse(String value, Instant now) {
        String v = value.trim();
        if (DURATION.matcher(v).matches()) {
            return now.minus(goDuration(v));
        }
        if (UNIX.matcher(v).matches()) {
            BigDecimal seconds = new BigDecimal(v);
            long whole = seconds.longValue();
            long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
            return Instant.ofEpochSecond(whole, nanos);
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            // try the forms without a zone
        }
        try {
            return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // try a date
        }
        try {
            return LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw WharfException.invalid("failed to parse value as time or duration: \"" + value + "\"");
        }
    }

    /** A Go duration such as {@code 1h30m} or {@code 10s}. */
    static Duration goDuration(String v) {
        boolean negative = v.startsWith("-");
        Matcher m = DURATION_PART.matcher(negative ? v.substring(1) : v);
        long nanos = 0;
        while (m.find()) {
            BigDecimal n = new BigDecimal(m.group(1));
            long unit = switch (m.group(2)) {
                case "ns" -> 1L;
                case "us", "µs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                default -> 3_600_000_000_000L;
            };
            nanos += n.multiply(BigDecimal.valueOf(unit)).longValue();
        }
        return Duration.ofNanos(negative ? -nanos : nanos);
    }
}

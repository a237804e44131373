package io.wharf.image.domain.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import java.util.Map;

/**
 * One line of Docker's JSON progress stream ({@code jsonmessage.JSONMessage}), as the docker CLI reads
 * it to draw progress bars: {@code status}, optional layer {@code id}, {@code progressDetail}
 * {current,total} with the drawn {@code progress} bar, or {@code errorDetail}/{@code error} to end a
 * stream that failed after it started, or {@code aux} (push's tag, digest and size).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProgressMessage(@JsonProperty("status") String status, @JsonProperty("progressDetail") Detail detail,
        @JsonProperty("progress") String progress, @JsonProperty("id") String id,
        @JsonProperty("errorDetail") ErrorDetail errorDetail, @JsonProperty("error") String error,
        @JsonProperty("aux") Map<String, Object> aux) {

    private static final Detail EMPTY = new Detail(null, null);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detail(@JsonProperty("current") Long current, @JsonProperty("total") Long total) {
    }

    public record ErrorDetail(@JsonProperty("message") String message) {
    }

    /** A status line, for a layer when {@code id} is given. */
    public static ProgressMessage status(String id, String status) {
        return new ProgressMessage(status, EMPTY, null, id, null, null, null);
    }

    /** A progress line: {@code current} of {@code total} bytes (total 0 when unknown). */
    public static ProgressMessage progress(String id, String status, long current, long total) {
        return new ProgressMessage(status, new Detail(current, total > 0 ? total : null), bar(current, total), id, null,
                null, null);
    }

    public static ProgressMessage error(String message) {
        return new ProgressMessage(null, null, null, null, new ErrorDetail(message), message, null);
    }

    public static ProgressMessage aux(Map<String, Object> aux) {
        return new ProgressMessage(null, EMPTY, null, null, null, null, aux);
    }

    /** Docker's bar: {@code [=====>      ]  1.23MB/4.56MB}. */
    static String bar(long current, long total) {
        if (total <= 0) {
            return String.format(Locale.ROOT, "%8s", humanSize(current));
        }
        int percentage = (int) (Math.min(current, total) * 100 / total) / 2;
        return "[" + "=".repeat(percentage) + ">" + " ".repeat(Math.max(0, 50 - percentage)) + "] "
                + String.format(Locale.ROOT, "%8s/%s", humanSize(current), humanSize(total));
    }

    /** go-units HumanSize: decimal units, four significant digits. */
    static String humanSize(double size) {
        String[] units = {"B", "kB", "MB", "GB", "TB", "PB"};
        int i = 0;
        while (size >= 1000 && i < units.length - 1) {
            size /= 1000;
            i++;
        }
        String number = new java.math.BigDecimal(size).round(new java.math.MathContext(4)).stripTrailingZeros()
                .toPlainString();
        return number + units[i];
    }
}

package io.wharf.image.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** Docker's JSON message stream for lines of text: {@code {"stream":"line\n"}} each. */
final class ProgressLines {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProgressLines() {
    }

    static String of(List<String> lines) {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(JSON.createObjectNode().put("stream", line + "\n")).append('\n');
        }
        return out.toString();
    }
}

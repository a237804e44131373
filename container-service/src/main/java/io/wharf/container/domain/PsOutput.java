package io.wharf.container.domain;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.common.error.WharfException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** moby's parsePSOutput: ps's header as Titles, the rows of the container's pids as Processes. */
public final class PsOutput {
    private PsOutput() {
    }

    public static ObjectNode parse(String output, Collection<Integer> pids) {
        List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode titles = out.putArray("Titles");
        ArrayNode processes = out.putArray("Processes");
        if (lines.isEmpty()) {
            return out;
        }
        String[] header = lines.get(0).trim().split("\\s+");
        Arrays.stream(header).forEach(titles::add);
        int pidIndex = Arrays.asList(header).indexOf("PID");
        if (pidIndex < 0) {
            throw WharfException.system("Couldn't find PID field in ps output", null);
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length <= pidIndex) {
                continue;
            }
            int pid;
            try {
                pid = Integer.parseInt(fields[pidIndex]);
            } catch (NumberFormatException e) {
                throw WharfException.system("Unexpected pid '" + fields[pidIndex] + "': " + e.getMessage(), e);
            }
            if (!pids.contains(pid)) {
                continue;
            }
            ArrayNode row = processes.addArray();
            int last = header.length - 1;
            for (int i = 0; i < last && i < fields.length; i++) {
                row.add(fields[i]);
            }
            if (fields.length > last) {
                row.add(String.join(" ", Arrays.copyOfRange(fields, last, fields.length)));
            }
        }
        return out;
    }
}

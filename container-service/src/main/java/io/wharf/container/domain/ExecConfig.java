package io.wharf.container.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.common.error.WharfException;
import java.util.ArrayList;
import java.util.List;

/** The body of {@code POST /containers/{id}/exec}, as far as Wharf uses it. */
public record ExecConfig(List<String> cmd, List<String> env, String user, String workingDir, boolean tty,
        boolean attachStdin, boolean attachStdout, boolean attachStderr, boolean privileged) {

    public static ExecConfig parse(JsonNode body) {
        if (body == null || body.isNull()) {
            throw WharfException.invalid("No exec command specified");
        }
        List<String> cmd = strings(body.path("Cmd"));
        if (cmd.isEmpty()) {
            throw WharfException.invalid("No exec command specified");
        }
        return new ExecConfig(cmd, strings(body.path("Env")), body.path("User").asText(""),
                body.path("WorkingDir").asText(""), body.path("Tty").asBoolean(false),
                body.path("AttachStdin").asBoolean(false), body.path("AttachStdout").asBoolean(false),
                body.path("AttachStderr").asBoolean(false), body.path("Privileged").asBoolean(false));
    }

    /** moby's event suffix: the entrypoint and the arguments joined by spaces. */
    public String commandLine() {
        return String.join(" ", cmd);
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else if (node.isTextual()) {
            out.add(node.asText());
        }
        return out;
    }
}

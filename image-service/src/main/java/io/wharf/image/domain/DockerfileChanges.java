package io.wharf.image.domain;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wharf.common.error.WharfException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Applies the Dockerfile instructions of {@code docker import --change} / {@code docker commit --change}
 * to a config, as moby's {@code dockerfile.BuildFromConfig} does: CMD, ENTRYPOINT, ENV, EXPOSE, LABEL,
 * ONBUILD, STOPSIGNAL, USER, VOLUME, WORKDIR. JSON (exec) and shell forms; shell form runs under
 * {@code /bin/sh -c}. Variables are not expanded.
 */
public final class DockerfileChanges {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SHELL = List.of("/bin/sh", "-c");
    private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "sctp");

    private final ContainerConfig config;
    private boolean cmdSet;

    private DockerfileChanges(ContainerConfig config) {
        this.config = config;
    }

    /** Applies each change in order; a change may hold several lines. Returns {@code config}. */
    public static ContainerConfig apply(ContainerConfig config, List<String> changes) {
        if (changes == null || changes.isEmpty()) {
            return config;
        }
        DockerfileChanges applier = new DockerfileChanges(config);
        for (String line : logicalLines(String.join("\n", changes))) {
            applier.applyLine(line);
        }
        return config;
    }

    private static List<String> logicalLines(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : text.split("\r?\n", -1)) {
            String trimmed = raw.strip();
            if (current.length() == 0 && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            lines.add(current.toString().strip());
            current.setLength(0);
        }
        if (current.length() > 0 && !current.toString().isBlank()) {
            lines.add(current.toString().strip());
        }
        return lines;
    }

    private void applyLine(String line) {
        String[] parts = line.split("\\s+", 2);
        String instruction = parts[0].toUpperCase(Locale.ROOT);
        String args = parts.length > 1 ? parts[1].strip() : "";
        if (args.isEmpty()) {
            throw WharfException.invalid(instruction + " requires at least one argument");
        }
        switch (instruction) {
            case "CMD" -> {
                config.cmd = commandLine(args);
                cmdSet = true;
            }
            case "ENTRYPOINT" -> {
                config.entrypoint = commandLine(args);
                if (!cmdSet) {
                    config.cmd = null;
                }
            }
            case "ENV" -> nameValues(instruction, args, config::setEnv);
            case "LABEL" -> nameValues(instruction, args, config::setLabel);
            case "EXPOSE" -> ShellWords.split(args).forEach(this::expose);
            case "WORKDIR" -> config.workingDir = workdir(ShellWords.unquote(args));
            case "USER" -> config.user = ShellWords.unquote(args);
            case "VOLUME" -> volumes(args);
            case "STOPSIGNAL" -> config.stopSignal = ShellWords.unquote(args);
            case "ONBUILD" -> config.addOnBuild(onBuild(args));
            default -> throw WharfException.invalid(instruction + " is not a valid change command");
        }
    }

    /** Exec form when the arguments are a JSON array of strings, shell form otherwise. */
    private static List<String> commandLine(String args) {
        List<String> exec = jsonArray(args);
        if (exec != null) {
            return exec;
        }
        List<String> shell = new ArrayList<>(SHELL);
        shell.add(args);
        return shell;
    }

    private static List<String> jsonArray(String args) {
        if (!args.startsWith("[")) {
            return null;
        }
        try {
            return JSON.readValue(args, new TypeReference<List<String>>() { });
        } catch (IOException e) {
            return null;
        }
    }

    private interface Setter {
        void set(String name, String value);
    }

    private static void nameValues(String instruction, String args, Setter setter) {
        List<String> words = ShellWords.split(args);
        if (words.get(0).indexOf('=') < 0) {
            // legacy form: NAME value with spaces
            String[] legacy = args.split("\\s+", 2);
            if (legacy.length < 2) {
                throw WharfException.invalid(instruction + " must have two arguments");
            }
            setter.set(requireName(instruction, ShellWords.unquote(legacy[0])), ShellWords.unquote(legacy[1].strip()));
            return;
        }
        for (String word : words) {
            int eq = word.indexOf('=');
            if (eq < 0) {
                throw WharfException.invalid("Syntax error - can't find = in \"" + word
                        + "\". Must be of the form: name=value");
            }
            setter.set(requireName(instruction, word.substring(0, eq)), word.substring(eq + 1));
        }
    }

    private static String requireName(String instruction, String name) {
        if (name.isEmpty()) {
            throw WharfException.invalid(instruction + " names can not be blank");
        }
        return name;
    }

    private void expose(String spec) {
        String ports = spec;
        String proto = "tcp";
        int slash = spec.indexOf('/');
        if (slash >= 0) {
            ports = spec.substring(0, slash);
            proto = spec.substring(slash + 1).toLowerCase(Locale.ROOT);
        }
        if (!PROTOCOLS.contains(proto)) {
            throw WharfException.invalid("invalid proto: " + proto);
        }
        int dash = ports.indexOf('-');
        int first = port(dash < 0 ? ports : ports.substring(0, dash), spec);
        int last = dash < 0 ? first : port(ports.substring(dash + 1), spec);
        if (last < first) {
            throw WharfException.invalid("invalid containerPort: " + spec);
        }
        for (int p = first; p <= last; p++) {
            config.addExposedPort(p + "/" + proto);
        }
    }

    private static int port(String value, String spec) {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw WharfException.invalid("invalid containerPort: " + spec);
        }
    }

    private String workdir(String requested) {
        if (requested.startsWith("/")) {
            return requested;
        }
        String current = config.workingDir == null || config.workingDir.isEmpty() ? "/" : config.workingDir;
        return Path.of("/", current, requested).normalize().toString();
    }

    private void volumes(String args) {
        List<String> paths = jsonArray(args);
        for (String path : paths != null ? paths : ShellWords.split(args)) {
            if (path.isBlank()) {
                throw WharfException.invalid("VOLUME specified can not be an empty string");
            }
            config.addVolume(path.strip());
        }
    }

    private static String onBuild(String args) {
        String[] parts = args.split("\\s+", 2);
        String trigger = parts[0].toUpperCase(Locale.ROOT);
        if (trigger.equals("ONBUILD") || trigger.equals("FROM") || trigger.equals("MAINTAINER")) {
            throw WharfException.invalid(trigger + " isn't allowed as an ONBUILD trigger");
        }
        return parts.length > 1 ? trigger + " " + parts[1] : trigger;
    }
}

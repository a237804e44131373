package io.wharf.volume.domain;

import io.wharf.common.error.WharfException;
import java.util.Map;
import java.util.Set;

/** The local driver's options ({@code -o type=tmpfs|none,o=...,device=...}), checked as moby's local driver does. */
public final class LocalOptions {
    private static final Set<String> KEYS = Set.of("type", "device", "o", "size");

    private LocalOptions() {
    }

    public static void validate(String name, Map<String, String> opts) {
        for (String key : opts.keySet()) {
            if (!KEYS.contains(key)) {
                throw WharfException.invalid("create " + name + ": invalid option: \"" + key + "\"");
            }
        }
        if (opts.containsKey("size")) {
            throw WharfException.invalid("create " + name
                    + ": quota size requested but no quota support");
        }
        String type = opts.getOrDefault("type", "");
        String device = opts.getOrDefault("device", "");
        if (!type.isEmpty() && device.isEmpty()) {
            throw WharfException.invalid("create " + name + ": missing required option: \"device\"");
        }
        if (type.isEmpty() && !device.isEmpty()) {
            throw WharfException.invalid("create " + name + ": missing required option: \"type\"");
        }
        if (type.isEmpty() && opts.containsKey("o")) {
            throw WharfException.invalid("create " + name + ": missing required option: \"type\"");
        }
        boolean bind = type.equals("none") && (opts.getOrDefault("o", "") + ",").matches("(.*,)?r?bind,.*");
        if (!type.isEmpty() && !type.equals("tmpfs") && !bind) {
            throw WharfException.invalid("create " + name + ": unsupported local volume type \"" + type
                    + "\": only \"tmpfs\" and \"none\" with o=bind are supported");
        }
        if (bind && !device.startsWith("/")) {
            throw WharfException.invalid("create " + name + ": device of a bind volume must be an absolute path: "
                    + device);
        }
    }
}

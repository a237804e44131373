package io.wharf.container.domain;

import io.wharf.common.error.WharfException;
import java.util.List;

/** HostConfig.SecurityOpt as moby parses it: no-new-privileges, seccomp, apparmor, label. */
public record SecurityOptions(boolean noNewPrivileges, String seccomp) {
    /** seccomp value meaning: no filter. */
    public static final String UNCONFINED = "unconfined";

    public static SecurityOptions parse(List<String> options) {
        boolean noNewPrivileges = false;
        String seccomp = null;
        for (String opt : options) {
            if (opt.equals("no-new-privileges")) {
                noNewPrivileges = true;
                continue;
            }
            if (opt.equals("disable")) {
                continue; // the old form of label=disable
            }
            int sep = separator(opt);
            if (sep < 0) {
                throw WharfException.invalid("invalid --security-opt 1: \"" + opt + "\"");
            }
            String key = opt.substring(0, sep);
            String value = opt.substring(sep + 1);
            switch (key) {
                case "no-new-privileges" -> noNewPrivileges = parseBool(opt, value);
                case "seccomp" -> seccomp = value;
                case "apparmor", "label", "systempaths" -> {
                    // accepted and echoed; no AppArmor or SELinux on this engine
                }
                default -> throw WharfException.invalid("invalid --security-opt 2: \"" + opt + "\"");
            }
        }
        return new SecurityOptions(noNewPrivileges, seccomp);
    }

    /** moby accepts both "key=value" and the legacy "key:value"; whichever comes first. */
    private static int separator(String opt) {
        int eq = opt.indexOf('=');
        int colon = opt.indexOf(':');
        if (eq < 0) {
            return colon;
        }
        return colon < 0 ? eq : Math.min(eq, colon);
    }

    private static boolean parseBool(String opt, String value) {
        return switch (value) {
            case "true", "1", "t", "T", "TRUE", "True" -> true;
            case "false", "0", "f", "F", "FALSE", "False" -> false;
            default -> throw WharfException.invalid("invalid --security-opt 2: \"" + opt + "\"");
        };
    }
}

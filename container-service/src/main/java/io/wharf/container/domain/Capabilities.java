package io.wharf.container.domain;

import io.wharf.common.error.WharfException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/** Linux capability names and Docker's CapAdd/CapDrop/Privileged rules (moby's oci/caps). */
public final class Capabilities {
    /** Index = capability number. */
    public static final List<String> ALL_KNOWN = List.of("CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH",
            "CAP_FOWNER", "CAP_FSETID", "CAP_KILL", "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP",
            "CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW",
            "CAP_IPC_LOCK", "CAP_IPC_OWNER", "CAP_SYS_MODULE", "CAP_SYS_RAWIO", "CAP_SYS_CHROOT", "CAP_SYS_PTRACE",
            "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_NICE", "CAP_SYS_RESOURCE", "CAP_SYS_TIME",
            "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE", "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL", "CAP_SETFCAP",
            "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN", "CAP_SYSLOG", "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND",
            "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF", "CAP_CHECKPOINT_RESTORE");
    public static final List<String> DEFAULTS = List.of("CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID",
            "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW", "CAP_SETGID", "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP",
            "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE");
    static final String ALL = "ALL";

    private Capabilities() {
    }

    /**
     * The capabilities a container can get: known to the kernel ({@code cap_last_cap} is the highest
     * number) and in this service's bounding set (runc cannot grant more than it has).
     */
    public static List<String> supported(int capLastCap, long boundingSet) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(ALL_KNOWN.size(), capLastCap + 1); i++) {
            if ((boundingSet & (1L << i)) != 0) {
                out.add(ALL_KNOWN.get(i));
            }
        }
        return out;
    }

    /** "net_admin", "CAP_NET_ADMIN" and "all" → "CAP_NET_ADMIN" / "ALL"; 400 for unknown names. */
    public static List<String> normalize(List<String> names, List<String> supported) {
        List<String> out = new ArrayList<>();
        for (String raw : names) {
            String c = raw.trim().toUpperCase(Locale.ROOT);
            if (c.isEmpty()) {
                continue;
            }
            if (c.equals(ALL)) {
                out.add(ALL);
                continue;
            }
            if (!c.startsWith("CAP_")) {
                c = "CAP_" + c;
            }
            if (!supported.contains(c)) {
                throw WharfException.invalid("unknown capability: \"" + c + "\"");
            }
            out.add(c);
        }
        return out;
    }

    /** moby's TweakCapabilities. */
    public static List<String> effective(List<String> add, List<String> drop, boolean privileged,
            List<String> supported) {
        if (privileged) {
            return supported;
        }
        if (add.isEmpty() && drop.isEmpty()) {
            return DEFAULTS;
        }
        List<String> adds = normalize(add, supported);
        List<String> drops = normalize(drop, supported);
        LinkedHashSet<String> caps = new LinkedHashSet<>();
        if (adds.contains(ALL)) {
            supported.stream().filter(c -> !drops.contains(c)).forEach(caps::add);
        } else if (drops.contains(ALL)) {
            caps.addAll(adds);
        } else {
            DEFAULTS.stream().filter(c -> !drops.contains(c)).forEach(caps::add);
            caps.addAll(adds);
        }
        return List.copyOf(caps);
    }
}

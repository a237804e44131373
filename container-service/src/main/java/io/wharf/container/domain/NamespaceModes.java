package io.wharf.container.domain;

import io.wharf.common.error.WharfException;

/** IpcMode, PidMode, UTSMode: private (default), "host", or "container:<name|id>". */
public record NamespaceModes(String ns, boolean host, String container) {

    public static NamespaceModes parse(String ns, String mode, boolean allowShareable) {
        String m = mode == null ? "" : mode;
        if (m.equals("host")) {
            return new NamespaceModes(ns, true, null);
        }
        if (m.startsWith("container:")) {
            String ref = m.substring("container:".length());
            if (ref.isEmpty()) {
                throw WharfException.invalid("invalid " + label(ns) + " mode: " + m);
            }
            return new NamespaceModes(ns, false, ref);
        }
        boolean ok = m.isEmpty() || m.equals("private") || (allowShareable && (m.equals("shareable")
                || m.equals("none")));
        if (!ok) {
            throw WharfException.invalid("invalid " + label(ns) + " mode: " + m);
        }
        return new NamespaceModes(ns, false, null);
    }

    private static String label(String ns) {
        return switch (ns) {
            case "ipc" -> "IPC";
            case "pid" -> "PID";
            default -> "UTS";
        };
    }
}

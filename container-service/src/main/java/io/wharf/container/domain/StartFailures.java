package io.wharf.container.domain;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** moby's reading of a failed start ({@code translateContainerdStartErr}): the message and the exit code. */
public final class StartFailures {
    /** moby's exitUnknown: a start that failed for any other reason. */
    public static final int UNKNOWN = 128;
    public static final int NOT_FOUND = 127;
    public static final int NOT_EXECUTABLE = 126;
    private static final Pattern RUNC_LOG = Pattern.compile("time=\"[^\"]*\" level=\\w+ msg=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private StartFailures() {
    }

    /** 127 for a command not found, 126 for one that cannot be run, else 128. */
    public static int exitCode(String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (m.contains("executable file not found") || m.contains("no such file or directory")
                || m.contains("not a directory")) {
            return NOT_FOUND;
        }
        if (m.contains("permission denied") || m.contains("exec format error")) {
            return NOT_EXECUTABLE;
        }
        return UNKNOWN;
    }

    /** True when the user's configuration is at fault (400), not the daemon (500). */
    public static boolean userError(String message) {
        return exitCode(message) != UNKNOWN;
    }

    /** runc's logrus line ({@code time="..." level=error msg="..."}) reduced to its message, unquoted. */
    public static String clean(String message) {
        if (message == null) {
            return "";
        }
        Matcher m = RUNC_LOG.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1).replace("\\\"", "\"").replace("\\\\", "\\")));
        }
        m.appendTail(out);
        return out.toString().replaceAll("runc create failed: (runc create failed: )+", "runc create failed: ").trim();
    }
}

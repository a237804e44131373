package io.wharf.gateway.rest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a Docker API path template into a route regex that matches it with or without the
 * {@code /vX.Y} version prefix. {@code {id}} matches one path segment; {@code {name*}} matches
 * several (image names contain slashes).
 */
public final class DockerPaths {
    private static final Pattern PARAM = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*)(\\*?)}");

    private DockerPaths() {
    }

    public static String regex(String template) {
        StringBuilder out = new StringBuilder("^(?:/v[0-9][0-9.]*)?");
        Matcher m = PARAM.matcher(template);
        int last = 0;
        while (m.find()) {
            out.append(Pattern.quote(template.substring(last, m.start())));
            out.append("(?<").append(m.group(1)).append('>').append(m.group(2).isEmpty() ? "[^/]+" : ".+").append(')');
            last = m.end();
        }
        out.append(Pattern.quote(template.substring(last))).append("/?$");
        return out.toString();
    }

    /** The request path without its version prefix: {@code /v1.47/containers/json} → {@code /containers/json}. */
    public static String unversioned(String path) {
        return path.replaceFirst("^/v[0-9][0-9.]*(?=/)", "");
    }
}

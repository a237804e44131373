package io.wharf.volume.client.plugin;

import java.nio.file.Path;

/** Where a plugin listens: a unix socket, or a TCP host and port (from a .spec or .json file). */
public record PluginAddress(Path socket, String host, int port) {
    public static PluginAddress unix(Path socket) {
        return new PluginAddress(socket, null, 0);
    }

    public static PluginAddress tcp(String host, int port) {
        return new PluginAddress(null, host, port);
    }

    /** {@code unix:///path} or {@code tcp://host:port} (http:// too), as in a .spec file. */
    public static PluginAddress parse(String url) {
        String u = url.strip();
        if (u.startsWith("unix://")) {
            return unix(Path.of(u.substring("unix://".length())));
        }
        String rest = u.replaceFirst("^(tcp|http)://", "");
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            rest = rest.substring(0, slash);
        }
        int colon = rest.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("no port in plugin address " + url);
        }
        return tcp(rest.substring(0, colon), Integer.parseInt(rest.substring(colon + 1)));
    }
}

package io.wharf.container.domain;

/**
 * HostConfig.NetworkMode: {@code default}/{@code bridge} (the predefined bridge), {@code host},
 * {@code none}, {@code container:<id>}, or the name or id of a user-defined network.
 */
public record NetworkMode(Kind kind, String target) {

    public enum Kind { BRIDGE, HOST, NONE, CONTAINER, NETWORK }

    public static NetworkMode parse(String mode) {
        if (mode == null || mode.isEmpty() || mode.equals("default") || mode.equals("bridge")) {
            return new NetworkMode(Kind.BRIDGE, "bridge");
        }
        if (mode.equals("host")) {
            return new NetworkMode(Kind.HOST, "host");
        }
        if (mode.equals("none")) {
            return new NetworkMode(Kind.NONE, "none");
        }
        if (mode.startsWith("container:")) {
            return new NetworkMode(Kind.CONTAINER, mode.substring("container:".length()));
        }
        return new NetworkMode(Kind.NETWORK, mode);
    }

    /** The container has its own namespace with endpoints on networks (bridge or user-defined). */
    public boolean joinsNetworks() {
        return kind == Kind.BRIDGE || kind == Kind.NETWORK;
    }

    /** The network the mode names, as its endpoint is keyed in NetworkSettings.Networks. */
    public String networkName() {
        return switch (kind) {
            case BRIDGE -> "bridge";
            case HOST -> "host";
            case NONE -> "none";
            case CONTAINER -> null;
            case NETWORK -> target;
        };
    }
}

package io.wharf.network.domain;

import io.wharf.common.error.WharfException;
import java.util.Map;

/** The bridge driver's options ({@code -o} of {@code docker network create}) with moby's defaults. */
public record BridgeOptions(String bridgeName, boolean icc, boolean masquerade, int mtu) {
    public static final String NAME = "com.docker.network.bridge.name";
    public static final String ICC = "com.docker.network.bridge.enable_icc";
    public static final String MASQUERADE = "com.docker.network.bridge.enable_ip_masquerade";
    public static final String MTU = "com.docker.network.driver.mtu";
    public static final String DEFAULT_BRIDGE = "com.docker.network.bridge.default_bridge";
    public static final String HOST_BINDING = "com.docker.network.bridge.host_binding_ipv4";

    /** Reads the options; {@code bridgeName} and {@code mtu} are used when the options name none. */
    public static BridgeOptions of(Map<String, String> options, String bridgeName, int mtu) {
        String name = options.getOrDefault(NAME, bridgeName);
        int m = mtu;
        if (options.containsKey(MTU)) {
            try {
                m = Integer.parseInt(options.get(MTU).trim());
            } catch (NumberFormatException e) {
                throw WharfException.invalid("invalid MTU number: " + options.get(MTU));
            }
            if (m < 68) {
                throw WharfException.invalid("invalid MTU number: " + m);
            }
        }
        if (name.length() > 15) {
            throw WharfException.invalid("bridge name " + name + " is longer than 15 characters");
        }
        return new BridgeOptions(name, flag(options, ICC), flag(options, MASQUERADE), m);
    }

    private static boolean flag(Map<String, String> options, String key) {
        String v = options.get(key);
        if (v == null) {
            return true;
        }
        switch (v.trim().toLowerCase()) {
            case "true", "1", "t" -> {
                return true;
            }
            case "false", "0", "f" -> {
                return false;
            }
            default -> throw WharfException.invalid(
                    "failed to parse " + key + " value: invalid syntax");
        }
    }
}

package io.wharf.image.domain.registry;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * dockerd's rule for insecure registries: the loopback range 127.0.0.0/8 always, plus each configured
 * entry, which is a {@code host[:port]} (matched exactly) or an IPv4 CIDR (matched against the
 * registry host's addresses).
 */
public final class InsecureRegistries {
    private final List<String> entries;

    public InsecureRegistries(List<String> entries) {
        this.entries = List.copyOf(entries);
    }

    /** {@code hostPort} is the registry's domain as in a reference: {@code 127.0.0.1:5000}, {@code registry.local}. */
    public boolean isInsecure(String hostPort) {
        String host = host(hostPort);
        for (String entry : entries) {
            if (!entry.contains("/") && (entry.equalsIgnoreCase(hostPort) || entry.equalsIgnoreCase(host))) {
                return true;
            }
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return false;
        }
        for (InetAddress address : addresses) {
            byte[] a = address.getAddress();
            if (a.length == 4 && (a[0] & 0xff) == 127) {
                return true;
            }
            for (String entry : entries) {
                if (entry.contains("/") && inCidr(a, entry)) {
                    return true;
                }
            }
        }
        return false;
    }

    static String host(String hostPort) {
        if (hostPort.startsWith("[")) {
            int end = hostPort.indexOf(']');
            return end > 0 ? hostPort.substring(1, end) : hostPort;
        }
        int colon = hostPort.lastIndexOf(':');
        return colon > 0 && hostPort.indexOf(':') == colon ? hostPort.substring(0, colon) : hostPort;
    }

    static boolean inCidr(byte[] address, String cidr) {
        String[] parts = cidr.split("/", 2);
        byte[] network;
        int bits;
        try {
            network = InetAddress.getByName(parts[0]).getAddress();
            bits = Integer.parseInt(parts[1]);
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
        if (network.length != address.length || bits < 0 || bits > address.length * 8) {
            return false;
        }
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >> (i % 8);
            if ((network[i / 8] & mask) != (address[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}

package io.wharf.network.domain;

import io.wharf.common.error.WharfException;

/** An IPv4 prefix such as {@code 10.210.3.0/24}: its network address and length. */
public record Cidr(long network, int prefix) {

    public Cidr {
        if (prefix < 0 || prefix > 32) {
            throw WharfException.invalid("invalid CIDR address: " + Ipv4.format(network) + "/" + prefix);
        }
        network = network & mask(prefix);
    }

    /** Parses {@code a.b.c.d/n}; the host bits are cleared as Go's ParseCIDR does. */
    public static Cidr parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash < 0) {
            throw WharfException.invalid("invalid CIDR address: " + text);
        }
        int prefix;
        try {
            prefix = Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw WharfException.invalid("invalid CIDR address: " + text);
        }
        long address;
        try {
            address = Ipv4.parse(text.substring(0, slash));
        } catch (WharfException e) {
            throw WharfException.invalid("invalid CIDR address: " + text);
        }
        if (prefix < 0 || prefix > 32) {
            throw WharfException.invalid("invalid CIDR address: " + text);
        }
        return new Cidr(address, prefix);
    }

    static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
    }

    public long size() {
        return 1L << (32 - prefix);
    }

    public long first() {
        return network;
    }

    public long last() {
        return network + size() - 1;
    }

    public boolean contains(long address) {
        return address >= first() && address <= last();
    }

    public boolean overlaps(Cidr other) {
        return first() <= other.last() && other.first() <= last();
    }

    @Override
    public String toString() {
        return Ipv4.format(network) + "/" + prefix;
    }
}

package io.wharf.network.domain;

import io.wharf.common.error.WharfException;

/** IPv4 addresses as unsigned 32-bit values in a long, and their dotted form. */
public final class Ipv4 {
    private Ipv4() {
    }

    /** Parses a dotted quad; 400 {@code invalid IP address: x} otherwise. */
    public static long parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split("\\.", -1);
        if (parts.length != 4) {
            throw WharfException.invalid("invalid IP address: " + text);
        }
        long value = 0;
        for (String part : parts) {
            int octet;
            try {
                octet = Integer.parseInt(part);
            } catch (NumberFormatException e) {
                throw WharfException.invalid("invalid IP address: " + text);
            }
            if (octet < 0 || octet > 255 || part.isEmpty() || part.length() > 3) {
                throw WharfException.invalid("invalid IP address: " + text);
            }
            value = (value << 8) | octet;
        }
        return value;
    }

    public static String format(long value) {
        return ((value >> 24) & 0xff) + "." + ((value >> 16) & 0xff) + "." + ((value >> 8) & 0xff) + "." + (value & 0xff);
    }

    /** Docker's MAC for an address: {@code 02:42} followed by the four bytes of the address. */
    public static String mac(long address) {
        return String.format("02:42:%02x:%02x:%02x:%02x", (address >> 24) & 0xff, (address >> 16) & 0xff,
                (address >> 8) & 0xff, address & 0xff);
    }
}

package io.wharf.container.domain;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one-question DNS query a resolver sends, and the answers the embedded DNS gives to it (RFC 1035):
 * A records for names it knows, an empty NOERROR for other types of a known name, NXDOMAIN otherwise.
 */
public record DnsQuery(int id, int flags, String name, int type, int qclass, int questionEnd) {
    public static final int TYPE_A = 1;
    private static final int TTL = 600;

    /** Parses a query; empty when it is not a standard query with one question. */
    public static Optional<DnsQuery> parse(byte[] packet, int length) {
        if (length < 12) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(packet, 0, length);
        int id = b.getShort() & 0xffff;
        int flags = b.getShort() & 0xffff;
        int qd = b.getShort() & 0xffff;
        if ((flags & 0x8000) != 0 || ((flags >> 11) & 0xf) != 0 || qd != 1) {
            return Optional.empty();
        }
        StringBuilder name = new StringBuilder();
        int pos = 12;
        while (true) {
            if (pos >= length) {
                return Optional.empty();
            }
            int len = packet[pos] & 0xff;
            pos++;
            if (len == 0) {
                break;
            }
            if (len > 63 || pos + len > length) {
                return Optional.empty();
            }
            if (name.length() > 0) {
                name.append('.');
            }
            name.append(new String(packet, pos, len, java.nio.charset.StandardCharsets.US_ASCII));
            pos += len;
        }
        if (pos + 4 > length) {
            return Optional.empty();
        }
        int type = ((packet[pos] & 0xff) << 8) | (packet[pos + 1] & 0xff);
        int qclass = ((packet[pos + 2] & 0xff) << 8) | (packet[pos + 3] & 0xff);
        return Optional.of(new DnsQuery(id, flags, name.toString().toLowerCase(Locale.ROOT), type, qclass, pos + 4));
    }

    /** An authoritative answer with the given IPv4 addresses (none: an empty NOERROR answer). */
    public byte[] answer(byte[] query, List<byte[]> addresses) {
        boolean withA = type == TYPE_A;
        int count = withA ? addresses.size() : 0;
        ByteArrayOutputStream out = header(query, 0, count);
        if (withA) {
            for (byte[] a : addresses) {
                out.write(0xc0);
                out.write(12);
                out.writeBytes(new byte[] {0, 1, 0, 1, 0, 0, (byte) (TTL >> 8), (byte) TTL, 0, 4});
                out.writeBytes(a);
            }
        }
        return out.toByteArray();
    }

    public byte[] nameError(byte[] query) {
        return header(query, 3, 0).toByteArray();
    }

    public byte[] serverFailure(byte[] query) {
        return header(query, 2, 0).toByteArray();
    }

    private ByteArrayOutputStream header(byte[] query, int rcode, int answers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int responseFlags = 0x8000 | 0x0400 | (flags & 0x0100) | 0x0080 | rcode;
        out.writeBytes(new byte[] {(byte) (id >> 8), (byte) id, (byte) (responseFlags >> 8), (byte) responseFlags,
                0, 1, (byte) (answers >> 8), (byte) answers, 0, 0, 0, 0});
        out.write(query, 12, questionEnd - 12);
        return out;
    }
}

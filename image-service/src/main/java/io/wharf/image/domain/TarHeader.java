package io.wharf.image.domain;

import java.nio.charset.StandardCharsets;

/**
 * One 512-byte tar header block (v7, ustar, pax or GNU), with its checksum verified.
 *
 * @param name     the entry name (ustar prefix joined)
 * @param linkName the link target of hard and symbolic links
 * @param type     the typeflag ('0' regular, '5' directory, 'x' pax, 'L' GNU long name...)
 * @param size     the size field (bytes of data following the header)
 */
public record TarHeader(String name, String linkName, char type, long size) {
    public static final int BLOCK = 512;

    /** Parses a non-zero header block; {@code offset} only serves error messages. */
    public static TarHeader parse(byte[] block, long offset) throws TarFormatException {
        long stored = octal(block, 148, 8, "checksum", offset);
        long unsigned = 0;
        long signed = 0;
        for (int i = 0; i < BLOCK; i++) {
            int b = (i >= 148 && i < 156) ? ' ' : block[i];
            unsigned += b & 0xff;
            signed += (byte) b;
        }
        if (stored != unsigned && stored != signed) {
            throw new TarFormatException("header checksum mismatch at offset " + offset);
        }
        char type = (char) (block[156] & 0xff);
        if (type == 0) {
            type = '0';
        }
        String name = string(block, 0, 100);
        String linkName = string(block, 157, 100);
        boolean ustar = block[257] == 'u' && block[258] == 's' && block[259] == 't' && block[260] == 'a'
                && block[261] == 'r' && block[262] == 0;
        if (ustar) {
            String prefix = string(block, 345, 155);
            if (!prefix.isEmpty()) {
                name = prefix + "/" + name;
            }
        }
        long size = number(block, 124, 12, "size", offset);
        return new TarHeader(name, linkName, type, size);
    }

    public static boolean isZeroBlock(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** True for types whose size field does not announce data (links, devices, directories, fifos). */
    public boolean headerOnly() {
        return type >= '1' && type <= '6';
    }

    private static String string(byte[] block, int from, int length) {
        int end = from;
        while (end < from + length && block[end] != 0) {
            end++;
        }
        return new String(block, from, end - from, StandardCharsets.UTF_8);
    }

    /** A numeric field: octal (NUL/space padded) or GNU base-256 when the high bit is set. */
    private static long number(byte[] block, int from, int length, String field, long offset)
            throws TarFormatException {
        if ((block[from] & 0x80) != 0) {
            if ((block[from] & 0x40) != 0) {
                throw new TarFormatException("negative " + field + " in header at offset " + offset);
            }
            long value = block[from] & 0x3f;
            for (int i = from + 1; i < from + length; i++) {
                if (value > (Long.MAX_VALUE >> 8)) {
                    throw new TarFormatException(field + " out of range in header at offset " + offset);
                }
                value = (value << 8) | (block[i] & 0xff);
            }
            return value;
        }
        return octal(block, from, length, field, offset);
    }

    private static long octal(byte[] block, int from, int length, String field, long offset)
            throws TarFormatException {
        int i = from;
        int end = from + length;
        while (i < end && (block[i] == ' ' || block[i] == 0)) {
            i++;
        }
        long value = 0;
        boolean digits = false;
        for (; i < end; i++) {
            byte b = block[i];
            if (b == 0 || b == ' ') {
                break;
            }
            if (b < '0' || b > '7' || value > (Long.MAX_VALUE >> 3)) {
                throw new TarFormatException("invalid " + field + " field in header at offset " + offset);
            }
            value = (value << 3) | (b - '0');
            digits = true;
        }
        for (; i < end; i++) {
            if (block[i] != 0 && block[i] != ' ') {
                throw new TarFormatException("invalid " + field + " field in header at offset " + offset);
            }
        }
        if (!digits && field.equals("checksum")) {
            throw new TarFormatException("missing checksum in header at offset " + offset);
        }
        return value;
    }
}

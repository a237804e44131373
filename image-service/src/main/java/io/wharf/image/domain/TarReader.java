package io.wharf.image.domain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads a tar stream entry by entry (pax and GNU long names applied), for archives of files such as
 * {@code docker save} output. Every name and hard-link target must be relative and free of {@code ..};
 * a stream that ends inside a header or an entry's data is a truncated archive.
 */
public final class TarReader {
    private static final int MAX_META = 1 << 20;

    /** One entry; read its content from {@link TarReader#content()} before calling {@code next} again. */
    public record Entry(String name, char type, long size, String linkName) {
        public boolean isRegular() {
            return type == '0' || type == '7';
        }

        public boolean isDirectory() {
            return type == '5';
        }

        public boolean isSymlink() {
            return type == '2';
        }

        public boolean isHardLink() {
            return type == '1';
        }
    }

    private final InputStream in;
    private long position;
    private long remaining;
    private long padding;
    private boolean ended;

    public TarReader(InputStream in) {
        this.in = in;
    }

    /** The next entry, or null at the end-of-archive marker. */
    public Entry next() throws IOException {
        skip(remaining + padding);
        remaining = 0;
        padding = 0;
        if (ended) {
            return null;
        }
        Map<String, String> pax = null;
        String longName = null;
        String longLink = null;
        while (true) {
            long offset = position;
            byte[] block = readBlock();
            if (block == null) {
                if (offset == 0) {
                    throw new TarFormatException("the archive is empty");
                }
                throw new TarFormatException("unexpected end of stream at offset " + offset + " (truncated archive)");
            }
            if (TarHeader.isZeroBlock(block)) {
                ended = true;
                return null;
            }
            TarHeader header = TarHeader.parse(block, offset);
            switch (header.type()) {
                case 'x', 'g', 'L', 'K' -> {
                    byte[] meta = readMeta(header, offset);
                    switch (header.type()) {
                        case 'x' -> pax = PaxRecords.parse(meta, meta.length);
                        case 'L' -> longName = cString(meta);
                        case 'K' -> longLink = cString(meta);
                        default -> { } // global pax headers carry nothing we use
                    }
                }
                default -> {
                    String name = header.name();
                    String link = header.linkName();
                    long size = header.size();
                    if (pax != null) {
                        name = pax.getOrDefault("path", name);
                        link = pax.getOrDefault("linkpath", link);
                        if (pax.containsKey("size")) {
                            size = Long.parseLong(pax.get("size"));
                        }
                    }
                    if (longName != null) {
                        name = longName;
                    }
                    if (longLink != null) {
                        link = longLink;
                    }
                    TarPaths.check(name, "entry name");
                    if (header.type() == '1') {
                        TarPaths.check(link, "hard link target of \"" + name + "\"");
                    }
                    long data = header.headerOnly() ? 0 : size;
                    remaining = data;
                    padding = padded(data) - data;
                    return new Entry(normalise(name), header.type(), data, link);
                }
            }
        }
    }

    /** The current entry's data; reading past it gives end of stream. Not to be closed by callers that go on. */
    public InputStream content() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (remaining == 0) {
                    return -1;
                }
                int n = in.read(b, off, (int) Math.min(len, remaining));
                if (n < 0) {
                    throw new TarFormatException("unexpected end of stream at offset " + position
                            + " (truncated archive)");
                }
                remaining -= n;
                position += n;
                return n;
            }
        };
    }

    /** Without leading {@code ./} and trailing {@code /}. */
    private static String normalise(String name) {
        String n = name;
        while (n.startsWith("./")) {
            n = n.substring(2);
        }
        while (n.endsWith("/") && n.length() > 1) {
            n = n.substring(0, n.length() - 1);
        }
        return n;
    }

    private byte[] readMeta(TarHeader header, long offset) throws IOException {
        if (header.size() > MAX_META) {
            throw new TarFormatException("extended header of " + header.size() + " bytes at offset " + offset
                    + " is too large");
        }
        byte[] meta = new byte[(int) header.size()];
        readFully(meta);
        skip(padded(meta.length) - meta.length);
        return meta;
    }

    private byte[] readBlock() throws IOException {
        byte[] block = new byte[TarHeader.BLOCK];
        int filled = 0;
        while (filled < block.length) {
            int n = in.read(block, filled, block.length - filled);
            if (n < 0) {
                if (filled == 0) {
                    return null;
                }
                throw new TarFormatException("unexpected end of stream at offset " + (position + filled)
                        + " (truncated archive)");
            }
            filled += n;
        }
        position += block.length;
        return block;
    }

    private void readFully(byte[] data) throws IOException {
        int filled = 0;
        while (filled < data.length) {
            int n = in.read(data, filled, data.length - filled);
            if (n < 0) {
                throw new TarFormatException("unexpected end of stream at offset " + (position + filled)
                        + " (truncated archive)");
            }
            filled += n;
        }
        position += data.length;
    }

    private void skip(long count) throws IOException {
        byte[] scratch = new byte[(int) Math.min(Math.max(count, 1), 64 * 1024)];
        long left = count;
        while (left > 0) {
            int n = in.read(scratch, 0, (int) Math.min(scratch.length, left));
            if (n < 0) {
                throw new TarFormatException("unexpected end of stream at offset " + position + " (truncated archive)");
            }
            left -= n;
            position += n;
        }
    }

    private static long padded(long size) {
        return (size + TarHeader.BLOCK - 1) / TarHeader.BLOCK * TarHeader.BLOCK;
    }

    private static String cString(byte[] data) {
        int end = 0;
        while (end < data.length && data[end] != 0) {
            end++;
        }
        return new String(data, 0, end, StandardCharsets.UTF_8);
    }
}

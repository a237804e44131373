package io.wharf.image.domain;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Passes a tar stream through unchanged while walking it: every header's checksum and numeric
 * fields are verified, entry names (including pax {@code path} and GNU long names) and hard-link
 * targets must be relative and free of {@code ..}, and the stream must not end inside a header or
 * an entry's data. Violations surface as {@link TarFormatException} from {@code read}.
 * Anything after the end-of-archive marker (two zero blocks) is passed through unchecked.
 */
public final class TarValidatingInputStream extends FilterInputStream {
    private static final int MAX_META = 1 << 20;

    private enum State { HEADER, META, SKIP, END }

    private final byte[] block = new byte[TarHeader.BLOCK];
    private int blockFill;
    private State state = State.HEADER;
    private long remaining;
    private long position;
    private long headerOffset;
    private boolean sawZeroBlock;
    private long entries;

    private byte[] meta;
    private int metaFill;
    private char metaType;
    private long metaPadding;
    private String longName;
    private String longLink;
    private Map<String, String> pax;

    public TarValidatingInputStream(InputStream in) {
        super(in);
    }

    /** Regular entries seen so far (metadata headers not counted). */
    public long entries() {
        return entries;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b < 0) {
            atEnd();
            return -1;
        }
        feed(new byte[] {(byte) b}, 0, 1);
        return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        int n = in.read(buffer, off, len);
        if (n < 0) {
            atEnd();
            return -1;
        }
        feed(buffer, off, n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] scratch = new byte[(int) Math.min(n, 8192)];
        long skipped = 0;
        while (skipped < n) {
            int r = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void atEnd() throws TarFormatException {
        boolean clean = state == State.END
                || (state == State.HEADER && blockFill == 0 && longName == null && longLink == null && pax == null);
        if (!clean && position < TarHeader.BLOCK) {
            throw new TarFormatException("not a tar archive (the stream ends after " + position + " bytes)");
        }
        if (!clean) {
            throw new TarFormatException("unexpected end of stream at offset " + position + " (truncated archive)");
        }
    }

    private void feed(byte[] data, int off, int len) throws TarFormatException {
        int i = off;
        int end = off + len;
        while (i < end) {
            switch (state) {
                case END -> i = end;
                case HEADER -> {
                    int n = Math.min(TarHeader.BLOCK - blockFill, end - i);
                    System.arraycopy(data, i, block, blockFill, n);
                    blockFill += n;
                    i += n;
                    if (blockFill == TarHeader.BLOCK) {
                        blockFill = 0;
                        onHeaderBlock();
                    }
                }
                case META -> {
                    int n = Math.min(meta.length - metaFill, end - i);
                    System.arraycopy(data, i, meta, metaFill, n);
                    metaFill += n;
                    i += n;
                    if (metaFill == meta.length) {
                        onMetaComplete();
                    }
                }
                case SKIP -> {
                    int n = (int) Math.min(remaining, end - i);
                    remaining -= n;
                    i += n;
                    if (remaining == 0) {
                        state = State.HEADER;
                    }
                }
                default -> throw new IllegalStateException(state.name());
            }
        }
        position += len;
    }

    private void onHeaderBlock() throws TarFormatException {
        long offset = headerOffset;
        headerOffset += TarHeader.BLOCK;
        if (TarHeader.isZeroBlock(block)) {
            if (sawZeroBlock) {
                state = State.END;
            }
            sawZeroBlock = true;
            return;
        }
        if (sawZeroBlock) {
            throw new TarFormatException("invalid header after a zero block at offset " + offset);
        }
        TarHeader header = TarHeader.parse(block, offset);
        switch (header.type()) {
            case 'x', 'g', 'L', 'K' -> beginMeta(header, offset);
            default -> onEntry(header);
        }
    }

    private void beginMeta(TarHeader header, long offset) throws TarFormatException {
        if (header.size() > MAX_META) {
            throw new TarFormatException("extended header of " + header.size() + " bytes at offset " + offset
                    + " is too large");
        }
        meta = new byte[(int) header.size()];
        metaFill = 0;
        metaType = header.type();
        metaPadding = padded(header.size()) - header.size();
        headerOffset += padded(header.size());
        if (meta.length == 0) {
            onMetaComplete();
        } else {
            state = State.META;
        }
    }

    private void onMetaComplete() throws TarFormatException {
        switch (metaType) {
            case 'x' -> pax = PaxRecords.parse(meta, meta.length);
            case 'g' -> PaxRecords.parse(meta, meta.length);
            case 'L' -> longName = cString(meta);
            case 'K' -> longLink = cString(meta);
            default -> throw new IllegalStateException("meta type " + metaType);
        }
        meta = null;
        remaining = metaPadding;
        state = remaining > 0 ? State.SKIP : State.HEADER;
    }

    private void onEntry(TarHeader header) throws TarFormatException {
        String name = header.name();
        String link = header.linkName();
        long size = header.size();
        if (pax != null) {
            name = pax.getOrDefault("path", name);
            link = pax.getOrDefault("linkpath", link);
            if (pax.containsKey("size")) {
                size = paxSize(pax.get("size"));
            }
        }
        if (longName != null) {
            name = longName;
        }
        if (longLink != null) {
            link = longLink;
        }
        pax = null;
        longName = null;
        longLink = null;
        TarPaths.check(name, "entry name");
        if (header.type() == '1') {
            TarPaths.check(link, "hard link target of \"" + name + "\"");
        } else if (header.type() == '2') {
            TarPaths.checkSymlink(name, link);
        }
        entries++;
        long data = header.headerOnly() ? 0 : padded(size);
        headerOffset += data;
        remaining = data;
        state = remaining > 0 ? State.SKIP : State.HEADER;
    }

    private static long paxSize(String value) throws TarFormatException {
        try {
            long size = Long.parseLong(value);
            if (size < 0) {
                throw new NumberFormatException();
            }
            return size;
        } catch (NumberFormatException e) {
            throw new TarFormatException("invalid pax size " + value);
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

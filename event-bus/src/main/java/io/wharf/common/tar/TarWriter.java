package io.wharf.common.tar;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a POSIX (pax) tar stream: ustar headers, with a pax extended header in front of an entry
 * whose name, link target or size does not fit, or that carries xattrs. What {@code docker save},
 * {@code docker commit} and Go's archive/tar produce, readable by GNU tar and the docker CLI.
 */
public final class TarWriter implements AutoCloseable {
    public static final int BLOCK = 512;

    /** Entry types. */
    public static final char REGULAR = '0';
    public static final char HARDLINK = '1';
    public static final char SYMLINK = '2';
    public static final char CHAR_DEVICE = '3';
    public static final char BLOCK_DEVICE = '4';
    public static final char DIRECTORY = '5';
    public static final char FIFO = '6';

    /** One entry's header fields; {@code size} only for regular files. */
    public record Entry(String name, char type, long mode, long uid, long gid, long size, long mtimeSeconds,
            String linkName, long devMajor, long devMinor, Map<String, String> xattrs) {

        public static Entry file(String name, long size, long mtimeSeconds) {
            return new Entry(name, REGULAR, 0644, 0, 0, size, mtimeSeconds, "", 0, 0, Map.of());
        }

        public static Entry directory(String name, long mtimeSeconds) {
            return new Entry(name, DIRECTORY, 0755, 0, 0, 0, mtimeSeconds, "", 0, 0, Map.of());
        }
    }

    private final OutputStream out;
    private long written;
    private long pending;
    private boolean finished;

    public TarWriter(OutputStream out) {
        this.out = out;
    }

    /** Writes a header; for a regular file the caller then writes exactly {@code size} bytes with {@link #data}. */
    public void header(Entry e) throws IOException {
        if (pending != 0) {
            throw new IllegalStateException(pending + " bytes of the previous entry are missing");
        }
        String name = e.type() == DIRECTORY && !e.name().endsWith("/") ? e.name() + "/" : e.name();
        Map<String, String> pax = new LinkedHashMap<>();
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        String ustarName = name;
        String prefix = "";
        if (nameBytes.length > 100) {
            int split = splitPoint(name);
            if (split < 0) {
                pax.put("path", name);
                ustarName = truncate(name, 100);
            } else {
                prefix = name.substring(0, split);
                ustarName = name.substring(split + 1);
            }
        }
        String link = e.linkName() == null ? "" : e.linkName();
        if (link.getBytes(StandardCharsets.UTF_8).length > 100) {
            pax.put("linkpath", link);
            link = truncate(link, 100);
        }
        long size = e.type() == REGULAR ? e.size() : 0;
        if (size > 077777777777L) {
            pax.put("size", Long.toString(size));
        }
        if (e.uid() > 07777777) {
            pax.put("uid", Long.toString(e.uid()));
        }
        if (e.gid() > 07777777) {
            pax.put("gid", Long.toString(e.gid()));
        }
        e.xattrs().forEach((k, v) -> pax.put("SCHILY.xattr." + k, v));
        if (!pax.isEmpty()) {
            byte[] records = paxRecords(pax);
            writeBlock(block(truncate("PaxHeaders/" + ustarName, 100), "", 'x', 0644, 0, 0, records.length,
                    e.mtimeSeconds(), "", 0, 0));
            write(records, 0, records.length);
            pad(records.length);
        }
        writeBlock(block(ustarName, prefix, e.type(), e.mode(), Math.min(e.uid(), 07777777),
                Math.min(e.gid(), 07777777), Math.min(size, 077777777777L), e.mtimeSeconds(), link, e.devMajor(),
                e.devMinor()));
        pending = size;
    }

    /** The content of the current regular file. */
    public void data(byte[] bytes, int off, int len) throws IOException {
        if (len > pending) {
            throw new IllegalStateException("more data than the entry's size");
        }
        write(bytes, off, len);
        pending -= len;
        if (pending == 0) {
            pad(written);
        }
    }

    /** Copies the whole content of a regular file from {@code in}; fails if it is shorter than announced. */
    public void data(InputStream in) throws IOException {
        long size = pending;
        byte[] buffer = new byte[64 * 1024];
        while (pending > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, pending));
            if (n < 0) {
                throw new IOException("file shrank while archived (" + pending + " of " + size + " bytes missing)");
            }
            data(buffer, 0, n);
        }
    }

    /** A whole regular file from memory. */
    public void file(String name, byte[] content, long mtimeSeconds) throws IOException {
        header(Entry.file(name, content.length, mtimeSeconds));
        if (content.length > 0) {
            data(content, 0, content.length);
        }
    }

    /** The end-of-archive marker (two zero blocks); the stream is flushed, not closed. */
    public void finish() throws IOException {
        if (finished) {
            return;
        }
        if (pending != 0) {
            throw new IllegalStateException(pending + " bytes of the last entry are missing");
        }
        write(new byte[BLOCK * 2], 0, BLOCK * 2);
        out.flush();
        finished = true;
    }

    @Override
    public void close() throws IOException {
        finish();
    }

    private void pad(long length) throws IOException {
        int rest = (int) (length % BLOCK);
        if (rest != 0) {
            write(new byte[BLOCK - rest], 0, BLOCK - rest);
        }
    }

    private void writeBlock(byte[] block) throws IOException {
        write(block, 0, block.length);
    }

    private void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        written += len;
    }

    private static byte[] block(String name, String prefix, char type, long mode, long uid, long gid, long size,
            long mtime, String link, long major, long minor) {
        byte[] b = new byte[BLOCK];
        put(b, 0, 100, name);
        octal(b, 100, 8, mode & 07777);
        octal(b, 108, 8, uid);
        octal(b, 116, 8, gid);
        octal(b, 124, 12, size);
        octal(b, 136, 12, Math.max(0, mtime));
        for (int i = 148; i < 156; i++) {
            b[i] = ' ';
        }
        b[156] = (byte) type;
        put(b, 157, 100, link);
        put(b, 257, 6, "ustar");
        b[263] = '0';
        b[264] = '0';
        if (type == CHAR_DEVICE || type == BLOCK_DEVICE) {
            octal(b, 329, 8, major);
            octal(b, 337, 8, minor);
        }
        put(b, 345, 155, prefix);
        long sum = 0;
        for (byte x : b) {
            sum += x & 0xff;
        }
        octal(b, 148, 7, sum);
        return b;
    }

    /** Where a long name can be split into ustar prefix (at most 155 bytes) and name (at most 100). */
    private static int splitPoint(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length != name.length()) {
            return -1; // keep it simple for non-ASCII names: pax
        }
        for (int i = Math.min(155, name.length() - 1); i > 0; i--) {
            if (name.charAt(i) == '/' && name.length() - i - 1 <= 100 && name.length() - i - 1 > 0) {
                return i;
            }
        }
        return -1;
    }

    private static String truncate(String s, int bytes) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return b.length <= bytes ? s : new String(b, 0, bytes, StandardCharsets.US_ASCII).replace('\uFFFD', '_');
    }

    private static void put(byte[] b, int off, int len, String value) {
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(v, 0, b, off, Math.min(len, v.length));
    }

    private static void octal(byte[] b, int off, int len, long value) {
        String s = Long.toOctalString(value);
        int digits = len - 1;
        StringBuilder padded = new StringBuilder();
        for (int i = s.length(); i < digits; i++) {
            padded.append('0');
        }
        padded.append(s);
        put(b, off, digits, padded.toString());
        b[off + len - 1] = 0;
    }

    /** {@code "<len> key=value\n"}, where len counts the whole record including itself. */
    static byte[] paxRecords(Map<String, String> records) {
        StringBuilder all = new StringBuilder();
        for (Map.Entry<String, String> r : records.entrySet()) {
            String body = " " + r.getKey() + "=" + r.getValue() + "\n";
            int bodyLength = body.getBytes(StandardCharsets.UTF_8).length;
            int length = bodyLength + 1;
            while (Integer.toString(length).length() + bodyLength != length) {
                length++;
            }
            all.append(length).append(body);
        }
        return all.toString().getBytes(StandardCharsets.UTF_8);
    }
}

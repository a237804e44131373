package io.wharf.image.service;

import io.wharf.image.domain.ArchiveFormatException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Opens an uploaded archive: plain tar, or gzip-compressed tar detected by its magic bytes. */
public final class ArchiveStreams {
    private static final int BUFFER = 64 * 1024;

    private ArchiveStreams() {
    }

    /** The uncompressed stream; gzip failures surface as {@link ArchiveFormatException}. */
    public static InputStream decompressed(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
        byte[] magic = peek(in, 6);
        if (startsWith(magic, 0x1f, 0x8b)) {
            return new GzipGuard(in);
        }
        if (startsWith(magic, 'B', 'Z', 'h')) {
            throw new ArchiveFormatException("bzip2-compressed archives are not supported yet; send tar or gzip");
        }
        if (startsWith(magic, 0xfd, '7', 'z', 'X', 'Z', 0x00)) {
            throw new ArchiveFormatException("xz-compressed archives are not supported yet; send tar or gzip");
        }
        if (startsWith(magic, 0x28, 0xb5, 0x2f, 0xfd)) {
            throw new ArchiveFormatException("zstd-compressed archives are not supported yet; send tar or gzip");
        }
        return in;
    }

    private static byte[] peek(BufferedInputStream in, int count) throws IOException {
        in.mark(count);
        byte[] head = new byte[count];
        int filled = 0;
        while (filled < count) {
            int n = in.read(head, filled, count - filled);
            if (n < 0) {
                break;
            }
            filled += n;
        }
        in.reset();
        return filled == count ? head : Arrays.copyOf(head, filled);
    }

    private static boolean startsWith(byte[] data, int... prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((data[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Reports truncated or corrupt gzip as a format error rather than an I/O failure. */
    private static final class GzipGuard extends FilterInputStream {
        private final InputStream compressed;
        private boolean opened;

        GzipGuard(InputStream compressed) {
            super(null);
            this.compressed = compressed;
        }

        private InputStream gzip() throws IOException {
            if (!opened) {
                try {
                    in = new GZIPInputStream(compressed, BUFFER);
                } catch (ZipException | EOFException e) {
                    throw invalid(e);
                }
                opened = true;
            }
            return in;
        }

        @Override
        public int read() throws IOException {
            try {
                return gzip().read();
            } catch (ZipException | EOFException e) {
                throw invalid(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return gzip().read(b, off, len);
            } catch (ZipException | EOFException e) {
                throw invalid(e);
            }
        }

        @Override
        public void close() throws IOException {
            compressed.close();
        }

        private static ArchiveFormatException invalid(IOException e) {
            String detail = e instanceof EOFException ? "unexpected end of stream (truncated)" : e.getMessage();
            return new ArchiveFormatException("invalid gzip stream: " + detail, e);
        }
    }
}

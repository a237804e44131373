package io.wharf.image.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wharf.image.domain.ArchiveFormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class ArchiveStreamsTest {
    private static final byte[] DATA = new byte[100_000];

    static {
        new Random(7).nextBytes(DATA);
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] read(byte[] input) throws IOException {
        try (InputStream in = ArchiveStreams.decompressed(new ByteArrayInputStream(input))) {
            return in.readAllBytes();
        }
    }

    @Test
    void passesPlainStreamsThrough() throws IOException {
        assertArrayEquals(DATA, read(DATA));
        assertArrayEquals(new byte[0], read(new byte[0]));
        assertArrayEquals(new byte[] {1, 2}, read(new byte[] {1, 2}));
    }

    @Test
    void inflatesGzip() throws IOException {
        assertArrayEquals(DATA, read(gzip(DATA)));
    }

    @Test
    void reportsTruncatedAndCorruptGzipAsFormatErrors() throws IOException {
        byte[] gz = gzip(DATA);
        String truncated = assertThrows(ArchiveFormatException.class, () -> read(Arrays.copyOf(gz, gz.length / 2)))
                .getMessage();
        assertTrue(truncated.contains("truncated"), truncated);
        assertThrows(ArchiveFormatException.class, () -> read(Arrays.copyOf(gz, 5)));
        byte[] corrupt = gz.clone();
        for (int i = 20; i < 60; i++) {
            corrupt[i] ^= 0x5a;
        }
        assertThrows(ArchiveFormatException.class, () -> read(corrupt));
    }

    @Test
    void refusesCompressionsItCannotRead() {
        assertTrue(assertThrows(ArchiveFormatException.class, () -> read("BZh91AY&SY".getBytes())).getMessage()
                .contains("bzip2"));
        assertTrue(assertThrows(ArchiveFormatException.class,
                () -> read(new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0, 1})).getMessage().contains("xz"));
    }
}

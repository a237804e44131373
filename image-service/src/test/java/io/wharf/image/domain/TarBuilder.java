package io.wharf.image.domain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes small ustar archives for tests, including deliberately broken ones. */
public final class TarBuilder {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public TarBuilder file(String name, String content) {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        header(name, '0', data.length, "");
        data(data);
        return this;
    }

    public TarBuilder dir(String name) {
        header(name, '5', 0, "");
        return this;
    }

    public TarBuilder link(String name, char type, String target) {
        header(name, type, 0, target);
        return this;
    }

    /** A pax extended header applying to the next entry. */
    public TarBuilder pax(String key, String value) {
        String body = key + "=" + value + "\n";
        int length = body.length() + 3;
        String record = length + " " + body;
        if (record.length() != length) {
            record = record.length() + " " + body;
        }
        byte[] data = record.getBytes(StandardCharsets.UTF_8);
        header("PaxHeaders/x", 'x', data.length, "");
        data(data);
        return this;
    }

    /** A GNU long name applying to the next entry. */
    public TarBuilder gnuLongName(String name) {
        byte[] data = (name + "\0").getBytes(StandardCharsets.UTF_8);
        header("././@LongLink", 'L', data.length, "");
        data(data);
        return this;
    }

    public TarBuilder end() {
        out.writeBytes(new byte[1024]);
        return this;
    }

    public byte[] bytes() {
        return out.toByteArray();
    }

    private void header(String name, char type, long size, String linkName) {
        byte[] h = new byte[512];
        put(h, 0, name, 100);
        put(h, 100, "0000644", 8);
        put(h, 108, "0000000", 8);
        put(h, 116, "0000000", 8);
        put(h, 124, String.format("%011o", size), 12);
        put(h, 136, String.format("%011o", 1_700_000_000L), 12);
        h[156] = (byte) type;
        put(h, 157, linkName, 100);
        put(h, 257, "ustar", 6);
        h[263] = '0';
        h[264] = '0';
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format("%06o", sum), 7);
        out.writeBytes(h);
    }

    private void data(byte[] data) {
        out.writeBytes(data);
        int pad = (512 - data.length % 512) % 512;
        out.writeBytes(new byte[pad]);
    }

    private static void put(byte[] h, int offset, String value, int max) {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(b, 0, h, offset, Math.min(b.length, max));
    }
}

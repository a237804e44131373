package io.wharf.container.domain;

/**
 * Docker's stdcopy framing for non-TTY attach and logs: an 8-byte header (stream id, three zero
 * bytes, big-endian payload length) before each chunk.
 */
public final class StreamFrames {
    public static final int HEADER = 8;

    private StreamFrames() {
    }

    public static byte[] frame(StdStream stream, byte[] payload) {
        byte[] out = new byte[HEADER + payload.length];
        out[0] = (byte) stream.id();
        int n = payload.length;
        out[4] = (byte) (n >>> 24);
        out[5] = (byte) (n >>> 16);
        out[6] = (byte) (n >>> 8);
        out[7] = (byte) n;
        System.arraycopy(payload, 0, out, HEADER, n);
        return out;
    }
}

package io.wharf.image.service.registry;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails once more than {@code limit} bytes arrive: a blob larger than its descriptor is not what was asked for. */
final class BoundedInputStream extends FilterInputStream {
    private final long limit;
    private long count;

    BoundedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0 && ++count > limit) {
            throw new IOException("blob is larger than its descriptor's " + limit + " bytes");
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        int n = super.read(buffer, off, len);
        if (n > 0) {
            count += n;
            if (count > limit) {
                throw new IOException("blob is larger than its descriptor's " + limit + " bytes");
            }
        }
        return n;
    }
}

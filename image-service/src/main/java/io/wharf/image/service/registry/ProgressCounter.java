package io.wharf.image.service.registry;

import io.wharf.image.domain.registry.ProgressMessage;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read through it and reports {@code status} with {current,total} every 512 kB and at
 * the end, as Docker's progress reader does (no more often, so the stream stays small).
 */
final class ProgressCounter extends FilterInputStream {
    private static final long STEP = 512 * 1024;

    private final ProgressSink sink;
    private final String id;
    private final String status;
    private final long total;
    private long count;
    private long reported;

    ProgressCounter(InputStream in, ProgressSink sink, String id, String status, long total) {
        super(in);
        this.sink = sink;
        this.id = id;
        this.status = status;
        this.total = total;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        int n = super.read(buffer, off, len);
        if (n > 0) {
            advance(n);
        }
        return n;
    }

    private void advance(long n) {
        count += n;
        if (count - reported >= STEP || count == total) {
            reported = count;
            sink.send(ProgressMessage.progress(id, status, count, total));
        }
    }

    long count() {
        return count;
    }
}

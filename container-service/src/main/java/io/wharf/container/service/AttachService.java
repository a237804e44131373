package io.wharf.container.service;

import io.quarkus.runtime.ShutdownEvent;
import io.wharf.container.domain.LogEntry;
import io.wharf.container.domain.StdStream;
import io.wharf.container.domain.StreamFrames;
import io.wharf.container.store.ContainerEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Streams a container's output to an attached client by following conmon's k8s-file log, framed
 * with Docker's stdcopy header (raw with a TTY). The stream ends once the container's exit has been
 * handled and everything it wrote has been sent. Stdin is not forwarded yet (conmon's attach socket
 * is SOCK_SEQPACKET, which the JDK cannot open).
 */
@ApplicationScoped
public class AttachService {
    private static final Logger LOG = Logger.getLogger(AttachService.class);
    static final long POLL_MILLIS = 20;
    private static final int CHUNK = 64 * 1024;

    /** Where the stream goes (the hijacked connection). */
    public interface Sink {
        void write(byte[] data);

        /** True while the client cannot take more: the session waits. */
        boolean full();

        /** Flushes and closes. */
        void end();
    }

    public record Options(boolean stream, boolean logs, boolean stdout, boolean stderr) {
    }

    private final RootfsService rootfs;
    private final WaitRegistry waits;
    private final ContainerLookup lookup;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "attach-follow");
        t.setDaemon(true);
        return t;
    });

    public AttachService(RootfsService rootfs, WaitRegistry waits, ContainerLookup lookup) {
        this.rootfs = rootfs;
        this.waits = waits;
        this.lookup = lookup;
    }

    void onStop(@Observes ShutdownEvent event) {
        ticker.shutdownNow();
    }

    /**
     * Prepares following a container (blocking: it reads the container's state and registers for its
     * exit); {@link Attachment#start} then streams without blocking.
     */
    public Attachment prepare(ContainerEntity c, Options options) {
        Path log = rootfs.dir(c.id).resolve("ctr.log");
        long start = options.logs() ? 0 : size(log);
        // as dockerd: a stream follows the container until its next exit, even one not started yet
        // (docker start -a attaches before it starts); without stream only the logs are sent
        CompletableFuture<Integer> exit = waits.nextExit(c.id);
        if (!options.stream() || lookup.findById(c.id).isEmpty()) {
            waits.cancel(c.id, exit);
            exit = CompletableFuture.completedFuture(c.exitCode);
        }
        return new Attachment(c.id, new Session(log, start, c.tty, options, exit));
    }

    /** A prepared stream: started once the connection is ours, closed when the client goes away. */
    public final class Attachment implements AutoCloseable {
        private final String id;
        private final Session session;

        Attachment(String id, Session session) {
            this.id = id;
            this.session = session;
        }

        public void start(Sink sink) {
            session.sink = sink;
            session.future = ticker.scheduleWithFixedDelay(session::tick, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            session.stop();
            waits.cancel(id, session.exit);
        }
    }

    private static long size(Path log) {
        try {
            return Files.exists(log) ? Files.size(log) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** One attached client: its read position and the bytes of a line not yet complete. */
    static final class Session {
        private final Path log;
        private final boolean tty;
        private final Options options;
        private final CompletableFuture<Integer> exit;
        volatile Sink sink;
        private long offset;
        private byte[] carry = new byte[0];
        private volatile boolean stopped;
        volatile ScheduledFuture<?> future;

        Session(Path log, long offset, boolean tty, Options options, CompletableFuture<Integer> exit) {
            this.log = log;
            this.offset = offset;
            this.tty = tty;
            this.options = options;
            this.exit = exit;
        }

        void tick() {
            if (stopped) {
                return;
            }
            try {
                if (sink.full()) {
                    return;
                }
                // observe the exit before reading: conmon writes the log before the exit file
                boolean exited = exit.isDone();
                while (pump() && !sink.full()) {
                    // more may be waiting
                }
                if (exited && !sink.full()) {
                    pumpAll();
                    stop();
                    sink.end();
                }
            } catch (RuntimeException | IOException e) {
                LOG.debugf("attach stream of %s ended: %s", log, e.getMessage());
                stop();
                sink.end();
            }
        }

        private void pumpAll() throws IOException {
            while (pump()) {
                // drain
            }
        }

        /** Reads one chunk of new log bytes and sends its complete lines; false at the end of the file. */
        private boolean pump() throws IOException {
            if (!Files.exists(log)) {
                return false;
            }
            ByteBuffer buf = ByteBuffer.allocate(CHUNK);
            int n;
            try (FileChannel ch = FileChannel.open(log, StandardOpenOption.READ)) {
                n = ch.read(buf, offset);
            }
            if (n <= 0) {
                return false;
            }
            offset += n;
            byte[] data = new byte[carry.length + n];
            System.arraycopy(carry, 0, data, 0, carry.length);
            System.arraycopy(buf.array(), 0, data, carry.length, n);
            int lineStart = 0;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = 0; i < data.length; i++) {
                if (data[i] == '\n') {
                    emit(LogEntry.parse(data, lineStart, i), out);
                    lineStart = i + 1;
                }
            }
            carry = Arrays.copyOfRange(data, lineStart, data.length);
            if (out.size() > 0) {
                sink.write(out.toByteArray());
            }
            return n == CHUNK;
        }

        private void emit(LogEntry entry, ByteArrayOutputStream out) {
            if (entry == null) {
                return;
            }
            boolean wanted = entry.stream() == StdStream.STDERR ? options.stderr() : options.stdout();
            if (!wanted) {
                return;
            }
            byte[] payload = entry.payload();
            if (payload.length == 0) {
                return;
            }
            out.writeBytes(tty ? payload : StreamFrames.frame(entry.stream(), payload));
        }

        void stop() {
            stopped = true;
            ScheduledFuture<?> f = future;
            if (f != null) {
                f.cancel(false);
            }
        }
    }
}

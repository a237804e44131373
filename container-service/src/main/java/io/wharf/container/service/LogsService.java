package io.wharf.container.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.wharf.common.error.ErrorKind;
import io.wharf.common.error.WharfException;
import io.wharf.container.domain.ContainerState;
import io.wharf.container.domain.LogConfigs;
import io.wharf.container.domain.LogEntry;
import io.wharf.container.domain.LogQuery;
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
 * {@code docker logs}: reads conmon's k8s-file log of a container (a file, so logs outlive both the
 * container and the agent), and with {@code follow} keeps reading what the container writes until it
 * exits.
 */
@ApplicationScoped
public class LogsService {
    private static final Logger LOG = Logger.getLogger(LogsService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final long POLL_MILLIS = 20;
    private static final int CHUNK = 64 * 1024;

    private final ContainerLookup lookup;
    private final RootfsService rootfs;
    private final WaitRegistry waits;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "logs-follow");
        t.setDaemon(true);
        return t;
    });

    public LogsService(ContainerLookup lookup, RootfsService rootfs, WaitRegistry waits) {
        this.lookup = lookup;
        this.rootfs = rootfs;
        this.waits = waits;
    }

    void onStop(@Observes ShutdownEvent event) {
        ticker.shutdownNow();
    }

    /** The parameters of the request, before the container (and so its TTY) is known. */
    public record Request(boolean stdout, boolean stderr, boolean follow, String since, String until,
            boolean timestamps, String tail) {
    }

    private static JsonNode hostConfig(ContainerEntity c) {
        try {
            return JSON.readTree(c.hostConfigJson);
        } catch (IOException e) {
            throw WharfException.system("unreadable HostConfig of " + c.id, e);
        }
    }

    /** Blocking: resolves the container, reads the log so far and, to follow, registers for its exit. */
    public LogStream open(String ref, Request r) {
        ContainerEntity c = lookup.resolve(ref);
        if (!LogConfigs.readable(hostConfig(c))) {
            // dockerd's ErrReadLogsNotSupported
            throw new WharfException(ErrorKind.NOT_IMPLEMENTED,
                    "configured logging driver does not support reading");
        }
        LogQuery query = LogQuery.parse(r.stdout(), r.stderr(), r.follow(), r.since(), r.until(), r.timestamps(),
                r.tail(), c.tty);
        Path log = rootfs.dir(c.id).resolve("ctr.log");
        CompletableFuture<Integer> exit = null;
        if (query.follow() && query.until() == null) {
            exit = waits.nextExit(c.id);
            // registered first, then checked: an exit in between cannot be missed
            ContainerEntity now = lookup.findById(c.id).orElse(null);
            if (now == null || now.state != ContainerState.RUNNING) {
                waits.cancel(c.id, exit);
                exit = null;
            }
        }
        byte[] data = readAll(log);
        int end = lastNewline(data) + 1;
        ByteArrayOutputStream initial = new ByteArrayOutputStream();
        for (LogEntry entry : query.select(data, end)) {
            initial.writeBytes(query.render(entry));
        }
        return new LogStream(c.id, c.tty, initial.toByteArray(), log, end, query, exit);
    }

    private static byte[] readAll(Path log) {
        try {
            return Files.exists(log) ? Files.readAllBytes(log) : new byte[0];
        } catch (IOException e) {
            throw WharfException.system("cannot read the log: " + e.getMessage(), e);
        }
    }

    private static int lastNewline(byte[] data) {
        for (int i = data.length - 1; i >= 0; i--) {
            if (data[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** The log so far and, when following, what comes next. */
    public final class LogStream implements AutoCloseable {
        private final String id;
        private final boolean tty;
        private final byte[] initial;
        private final Path log;
        private final LogQuery query;
        private final CompletableFuture<Integer> exit;
        private long offset;
        private byte[] carry = new byte[0];
        private AttachService.Sink sink;
        private volatile boolean stopped;
        private volatile ScheduledFuture<?> future;

        LogStream(String id, boolean tty, byte[] initial, Path log, long offset, LogQuery query,
                CompletableFuture<Integer> exit) {
            this.id = id;
            this.tty = tty;
            this.initial = initial;
            this.log = log;
            this.offset = offset;
            this.query = query;
            this.exit = exit;
        }

        public boolean tty() {
            return tty;
        }

        public byte[] initial() {
            return initial;
        }

        public boolean following() {
            return exit != null;
        }

        /** Follows the log until the container exits, then ends the sink. */
        public void follow(AttachService.Sink target) {
            this.sink = target;
            future = ticker.scheduleWithFixedDelay(this::tick, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        }

        private void tick() {
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
                    while (pump()) {
                        // drain
                    }
                    close();
                    sink.end();
                }
            } catch (RuntimeException | IOException e) {
                LOG.debugf("logs of %s ended: %s", id, e.getMessage());
                close();
                sink.end();
            }
        }

        private boolean pump() throws IOException {
            ByteBuffer buf = ByteBuffer.allocate(CHUNK);
            int n;
            try (FileChannel ch = FileChannel.open(log, StandardOpenOption.READ)) {
                n = ch.read(buf, offset);
            }
            if (n <= 0) {
                return false;
            }
            offset += n;
            byte[] data = Arrays.copyOf(carry, carry.length + n);
            System.arraycopy(buf.array(), 0, data, carry.length, n);
            int end = lastNewline(data) + 1;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (LogEntry entry : query.withTail(-1).select(data, end)) {
                out.writeBytes(query.render(entry));
            }
            carry = Arrays.copyOfRange(data, end, data.length);
            if (out.size() > 0) {
                sink.write(out.toByteArray());
            }
            return n == CHUNK;
        }

        @Override
        public void close() {
            stopped = true;
            ScheduledFuture<?> f = future;
            if (f != null) {
                f.cancel(false);
            }
            if (exit != null) {
                waits.cancel(id, exit);
            }
        }
    }
}

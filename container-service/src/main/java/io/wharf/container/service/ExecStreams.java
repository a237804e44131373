package io.wharf.container.service;

import io.quarkus.runtime.ShutdownEvent;
import io.wharf.container.domain.StdStream;
import io.wharf.container.domain.StreamFrames;
import io.wharf.container.runtime.ExecProcess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import org.jboss.logging.Logger;

/**
 * Moves a started exec's streams: its output to the client (framed unless it has a terminal), the
 * client's input to its stdin, and, once it exited and its output is out, records the exit before the
 * client's stream ends (the CLI asks for the exit code right after).
 */
@ApplicationScoped
public class ExecStreams {
    private static final Logger LOG = Logger.getLogger(ExecStreams.class);
    private static final byte[] END = new byte[0];

    /** Where the output goes. */
    public interface Sink {
        void write(byte[] data);

        void end();
    }

    private final ExecService execs;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "exec-io");
        t.setDaemon(true);
        return t;
    });

    public ExecStreams(ExecService execs) {
        this.execs = execs;
    }

    void onStop(@Observes ShutdownEvent event) {
        pool.shutdownNow();
    }

    /** The client's input; {@link Input#end()} closes the process's stdin. */
    public final class Input {
        private final BlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();

        public void offer(byte[] data) {
            if (data.length > 0) {
                queue.add(data);
            }
        }

        public void end() {
            queue.add(END);
        }

        private void pump(OutputStream stdin) {
            try (stdin) {
                while (true) {
                    byte[] next = queue.take();
                    if (next == END) {
                        return;
                    }
                    stdin.write(next);
                    stdin.flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                LOG.debugf("exec stdin: %s", e.getMessage());
            }
        }
    }

    /**
     * Runs the exec's I/O; {@code sink} null discards the output (a detached exec). Returns the client's
     * input if the exec takes stdin, else null (its stdin is closed at once).
     */
    public Input run(ExecService.Started started, Sink sink) {
        ExecProcess process = started.process();
        boolean tty = started.session().config().tty();
        Input input = null;
        if (sink != null && started.session().config().attachStdin()) {
            Input in = new Input();
            pool.execute(() -> in.pump(process.stdin()));
            input = in;
        } else {
            try {
                process.stdin().close();
            } catch (IOException ignored) {
                // nothing to feed
            }
        }
        Sink out = sink == null ? null : synchronizedSink(sink);
        CompletableFuture<Void> stdout = copy(process.stdout(), out, tty ? null : StdStream.STDOUT,
                started.session().config().attachStdout());
        CompletableFuture<Void> stderr = copy(process.stderr(), out, tty ? null : StdStream.STDERR,
                started.session().config().attachStderr());
        Input finalInput = input;
        pool.execute(() -> {
            int code;
            try {
                code = process.waitFor();
                CompletableFuture.allOf(stdout, stderr).join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.kill();
                code = 137;
            }
            if (finalInput != null) {
                finalInput.end();
            }
            try {
                execs.finished(started, code);
            } catch (RuntimeException e) {
                LOG.warnf(e, "recording the exit of exec %s failed", started.session().id());
            }
            if (out != null) {
                out.end();
            }
        });
        return input;
    }

    private CompletableFuture<Void> copy(InputStream from, Sink to, StdStream stream, boolean attached) {
        return CompletableFuture.runAsync(() -> {
            byte[] buffer = new byte[32 * 1024];
            try (from) {
                int n;
                while ((n = from.read(buffer)) > 0) {
                    if (to == null || !attached) {
                        continue;
                    }
                    byte[] chunk = Arrays.copyOf(buffer, n);
                    to.write(stream == null ? chunk : StreamFrames.frame(stream, chunk));
                }
            } catch (IOException e) {
                LOG.debugf("exec output: %s", e.getMessage());
            }
        }, pool);
    }

    private static Sink synchronizedSink(Sink sink) {
        return new Sink() {
            @Override
            public synchronized void write(byte[] data) {
                sink.write(data);
            }

            @Override
            public synchronized void end() {
                sink.end();
            }
        };
    }
}

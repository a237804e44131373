package io.wharf.container.service;

import io.quarkus.runtime.ShutdownEvent;
import io.wharf.container.runtime.ConsoleSocket;
import io.wharf.container.runtime.ContainerConsole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Forwards an attached client's stdin to the container's console. A client may attach (and even send
 * all its input and end it) before the container starts, as {@code echo hi | docker run -i} does: the
 * input waits in the session until the container's monitor accepts a connection, then goes out in
 * order, and the client's end of input becomes the end of the container's stdin (which the monitor
 * closes unless the container was created without StdinOnce).
 */
@ApplicationScoped
public class StdinForwarder {
    private static final Logger LOG = Logger.getLogger(StdinForwarder.class);
    static final long CONNECT_RETRY_MILLIS = 20;
    /** Above this many queued bytes the client is paused until the container has read them. */
    static final long HIGH_WATER = 1 << 20;

    /** Lets the client's connection be paused while the container does not read. */
    public interface Flow {
        void pause();

        void resume();
    }

    private final ContainerConsole console;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "attach-stdin");
        t.setDaemon(true);
        return t;
    });

    public StdinForwarder(ContainerConsole console) {
        this.console = console;
    }

    void onStop(@Observes ShutdownEvent event) {
        pool.shutdownNow();
    }

    public Session open(String containerId, Flow flow) {
        Session session = new Session(containerId, flow);
        pool.execute(session::run);
        return session;
    }

    /** One client's input to one container. */
    public final class Session implements AutoCloseable {
        private final String id;
        private final Flow flow;
        private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
        private long queued;
        private boolean paused;
        private boolean ended;
        private boolean closed;
        private boolean detached;
        private ConsoleSocket socket;

        Session(String id, Flow flow) {
            this.id = id;
            this.flow = flow;
        }

        /** Bytes the client sent. */
        public synchronized void offer(byte[] data) {
            if (closed || ended || data.length == 0) {
                return;
            }
            queue.add(data);
            queued += data.length;
            if (queued > HIGH_WATER && !paused) {
                paused = true;
                flow.pause();
            }
            notifyAll();
        }

        /** The client ended its input (half-closed the connection). */
        public synchronized void end() {
            ended = true;
            notifyAll();
        }

        /**
         * The client detached: what it sent before still goes to the container, then the session ends
         * on its own; a later {@link #close} (the client's connection closing) no longer drops it.
         */
        public synchronized void detach() {
            ended = true;
            detached = true;
            notifyAll();
        }

        /** The client is gone or the stream is over. */
        @Override
        public void close() {
            ConsoleSocket s;
            synchronized (this) {
                if (detached) {
                    return;
                }
                closed = true;
                queue.clear();
                s = socket;
                notifyAll();
            }
            if (s != null) {
                s.close();
            }
        }

        private void run() {
            try {
                if (!connect()) {
                    return;
                }
                while (true) {
                    byte[] next;
                    synchronized (this) {
                        while (!closed && queue.isEmpty() && !ended) {
                            wait();
                        }
                        if (closed) {
                            return;
                        }
                        next = queue.poll();
                        if (next == null) {
                            // ended and everything sent
                            socket.closeWrite();
                            if (detached) {
                                socket.close();
                            }
                            return;
                        }
                    }
                    socket.write(next);
                    synchronized (this) {
                        queued -= next.length;
                        if (paused && queued <= HIGH_WATER / 2) {
                            paused = false;
                            flow.resume();
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                LOG.debugf("stdin of %s: %s", id, e.getMessage());
            }
        }

        /** Waits for the container's monitor; false if the session closed first. */
        private boolean connect() throws InterruptedException {
            while (true) {
                synchronized (this) {
                    if (closed) {
                        return false;
                    }
                }
                try {
                    ConsoleSocket s = console.connect(id, output -> {
                        // output reaches the client from the log; the console's copy is dropped
                    });
                    synchronized (this) {
                        if (closed) {
                            s.close();
                            return false;
                        }
                        socket = s;
                        return true;
                    }
                } catch (IOException notYet) {
                    synchronized (this) {
                        if (!closed) {
                            wait(CONNECT_RETRY_MILLIS);
                        }
                    }
                }
            }
        }
    }
}

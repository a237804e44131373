package io.wharf.container.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * A connected AF_UNIX SOCK_SEQPACKET socket. A thread of its own reads every message until the peer
 * or {@link #close} ends the connection, then closes the descriptor (so no other thread ever uses a
 * descriptor number the kernel may have handed out again).
 */
final class SeqPacketSocket implements ConsoleSocket {
    private static final Logger LOG = Logger.getLogger(SeqPacketSocket.class);
    /** conmon reads at most 32 KiB - 1 per message; smaller messages are never truncated. */
    static final int MAX_MESSAGE = 8192;
    private static final int READ_BUFFER = 64 * 1024;

    private final int fd;
    private final Object lock = new Object();
    private boolean shutdown;
    private boolean released;

    private SeqPacketSocket(int fd) {
        this.fd = fd;
    }

    static SeqPacketSocket connect(Path path, Consumer<byte[]> output, ExecutorService readers) throws IOException {
        byte[] address = address(path);
        SocketLibC c = SocketLibC.Holder.INSTANCE;
        int fd = c.socket(SocketLibC.AF_UNIX, SocketLibC.SOCK_SEQPACKET | SocketLibC.SOCK_CLOEXEC, 0);
        if (fd < 0) {
            throw new IOException("socket: " + LibC.Holder.describe(SocketLibC.Holder.errno()));
        }
        int rc;
        do {
            rc = c.connect(fd, address, address.length);
        } while (rc != 0 && SocketLibC.Holder.errno() == SocketLibC.EINTR);
        if (rc != 0) {
            int errno = SocketLibC.Holder.errno();
            c.close(fd);
            throw new IOException("connect " + path + ": " + LibC.Holder.describe(errno));
        }
        SeqPacketSocket socket = new SeqPacketSocket(fd);
        readers.execute(() -> socket.readLoop(output));
        return socket;
    }

    /** struct sockaddr_un: family AF_UNIX (host order, little-endian here), then the NUL-terminated path. */
    static byte[] address(Path path) throws IOException {
        byte[] name = path.toString().getBytes(StandardCharsets.UTF_8);
        if (name.length >= SocketLibC.SOCKADDR_UN_SIZE - 2) {
            throw new IOException("socket path too long: " + path);
        }
        byte[] address = new byte[SocketLibC.SOCKADDR_UN_SIZE];
        address[0] = (byte) SocketLibC.AF_UNIX;
        System.arraycopy(name, 0, address, 2, name.length);
        return address;
    }

    private void readLoop(Consumer<byte[]> output) {
        byte[] buffer = new byte[READ_BUFFER];
        try {
            while (true) {
                long n = SocketLibC.Holder.INSTANCE.read(fd, buffer, buffer.length);
                if (n < 0 && SocketLibC.Holder.errno() == SocketLibC.EINTR) {
                    continue;
                }
                if (n <= 0) {
                    return;
                }
                try {
                    output.accept(Arrays.copyOf(buffer, (int) n));
                } catch (RuntimeException e) {
                    LOG.debugf("console output consumer failed: %s", e.getMessage());
                }
            }
        } finally {
            release();
        }
    }

    @Override
    public void write(byte[] data) throws IOException {
        for (int off = 0; off < data.length; off += MAX_MESSAGE) {
            byte[] chunk = Arrays.copyOfRange(data, off, Math.min(data.length, off + MAX_MESSAGE));
            synchronized (lock) {
                if (shutdown) {
                    throw new IOException("console connection closed");
                }
            }
            long n;
            do {
                n = SocketLibC.Holder.INSTANCE.send(fd, chunk, chunk.length, SocketLibC.MSG_NOSIGNAL);
            } while (n < 0 && SocketLibC.Holder.errno() == SocketLibC.EINTR);
            if (n < 0) {
                throw new IOException("write to console: " + LibC.Holder.describe(SocketLibC.Holder.errno()));
            }
        }
    }

    @Override
    public void closeWrite() throws IOException {
        synchronized (lock) {
            if (shutdown) {
                return;
            }
            if (SocketLibC.Holder.INSTANCE.shutdown(fd, SocketLibC.SHUT_WR) != 0) {
                throw new IOException("shutdown: " + LibC.Holder.describe(SocketLibC.Holder.errno()));
            }
        }
    }

    /** Wakes the reader, which then closes the descriptor. */
    @Override
    public void close() {
        synchronized (lock) {
            if (shutdown || released) {
                shutdown = true;
                return;
            }
            shutdown = true;
            SocketLibC.Holder.INSTANCE.shutdown(fd, SocketLibC.SHUT_RDWR);
        }
    }

    private void release() {
        synchronized (lock) {
            shutdown = true;
            released = true;
            SocketLibC.Holder.INSTANCE.close(fd);
        }
    }
}

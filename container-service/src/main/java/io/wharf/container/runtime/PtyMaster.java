package io.wharf.container.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The master side of a pseudo-terminal the agent opened: its output is read here, the client's input
 * written here, and a resize is an ioctl. One reader drains it until the terminal hangs up (EIO once every
 * slave descriptor is closed) and then closes the descriptor, so its number is never used after reuse.
 */
final class PtyMaster {
    private final int fd;
    private final String slave;
    private final Object lock = new Object();
    /** Read without the lock: a writer blocked on a full terminal must never stall the reader. */
    private volatile boolean closed;

    private PtyMaster(int fd, String slave) {
        this.fd = fd;
        this.slave = slave;
    }

    /** A new pseudo-terminal; its slave side is opened by name ({@link #slave()}) by the process that uses it. */
    static PtyMaster open() throws IOException {
        LibC c = LibC.Holder.INSTANCE;
        int fd = c.posix_openpt(LibC.PTY_MASTER_FLAGS);
        if (fd < 0) {
            throw new IOException("posix_openpt: " + LibC.Holder.describe(LibC.Holder.errno()));
        }
        byte[] name = new byte[128];
        if (c.grantpt(fd) != 0 || c.unlockpt(fd) != 0 || c.ptsname_r(fd, name, name.length) != 0) {
            int errno = LibC.Holder.errno();
            c.close(fd);
            throw new IOException("cannot open a pseudo-terminal: " + LibC.Holder.describe(errno));
        }
        int length = 0;
        while (length < name.length && name[length] != 0) {
            length++;
        }
        return new PtyMaster(fd, new String(name, 0, length, java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** The slave's device path, e.g. /dev/pts/3. */
    String slave() {
        return slave;
    }

    /** For a start that failed before anybody read the terminal. */
    void closeUnused() {
        release();
    }

    /** The terminal's output; ends (and closes the descriptor) when the terminal hangs up. */
    InputStream output() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                byte[] chunk = new byte[Math.min(length, 32 * 1024)];
                while (true) {
                    if (closed) {
                        return -1;
                    }
                    long n = LibC.Holder.INSTANCE.read(fd, chunk, chunk.length);
                    if (n > 0) {
                        System.arraycopy(chunk, 0, buffer, offset, (int) n);
                        return (int) n;
                    }
                    int errno = n < 0 ? LibC.Holder.errno() : 0;
                    if (errno == SocketLibC.EINTR) {
                        continue;
                    }
                    release();
                    if (n == 0 || errno == LibC.EIO) {
                        return -1;
                    }
                    throw new IOException("terminal read: " + LibC.Holder.describe(errno));
                }
            }

            @Override
            public void close() {
                // the descriptor goes when the terminal hangs up; the process may still be writing
            }
        };
    }

    /** The terminal's input. Closing it does not close the terminal: a TTY has no end of input. */
    OutputStream input() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] data, int offset, int length) throws IOException {
                byte[] rest = Arrays.copyOfRange(data, offset, offset + length);
                synchronized (lock) {
                    while (rest.length > 0) {
                        if (closed) {
                            throw new IOException("the terminal is closed");
                        }
                        long n = LibC.Holder.INSTANCE.write(fd, rest, rest.length);
                        if (n < 0) {
                            int errno = LibC.Holder.errno();
                            if (errno == SocketLibC.EINTR) {
                                continue;
                            }
                            throw new IOException("terminal write: " + LibC.Holder.describe(errno));
                        }
                        rest = Arrays.copyOfRange(rest, (int) n, rest.length);
                    }
                }
            }
        };
    }

    void resize(int height, int width) throws IOException {
        byte[] size = new byte[8];
        ByteBuffer.wrap(size).order(ByteOrder.nativeOrder()).putShort(0, (short) height).putShort(2, (short) width);
        synchronized (lock) {
            if (!closed && LibC.Holder.INSTANCE.ioctl(fd, LibC.TIOCSWINSZ, size) != 0) {
                throw new IOException("terminal resize: " + LibC.Holder.describe(LibC.Holder.errno()));
            }
        }
    }

    private void release() {
        synchronized (lock) {
            if (!closed) {
                closed = true;
                LibC.Holder.INSTANCE.close(fd);
            }
        }
    }
}

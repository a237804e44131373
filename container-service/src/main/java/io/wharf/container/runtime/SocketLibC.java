package io.wharf.container.runtime;

import jnr.ffi.LibraryLoader;
import jnr.ffi.annotations.SaveError;

/** libc's socket calls for AF_UNIX SOCK_SEQPACKET, which the JDK cannot open. Only this package binds native code. */
public interface SocketLibC {
    int AF_UNIX = 1;
    int SOCK_SEQPACKET = 5;
    int SOCK_CLOEXEC = 02000000;
    int SHUT_WR = 1;
    int SHUT_RDWR = 2;
    int EINTR = 4;
    /** sizeof(struct sockaddr_un) on Linux: a 2-byte family and 108 bytes of path. */
    int SOCKADDR_UN_SIZE = 110;

    @SaveError
    int socket(int domain, int type, int protocol);

    @SaveError
    int connect(int fd, byte[] address, int length);

    @SaveError
    long read(int fd, byte[] buffer, long count);

    /** MSG_NOSIGNAL: a closed peer gives EPIPE, never SIGPIPE. */
    int MSG_NOSIGNAL = 0x4000;

    @SaveError
    long send(int fd, byte[] buffer, long count, int flags);

    @SaveError
    int shutdown(int fd, int how);

    @SaveError
    int close(int fd);

    /** Loaded once, lazily: unit tests that use fakes never touch native code. */
    final class Holder {
        static final SocketLibC INSTANCE = LibraryLoader.create(SocketLibC.class).load("c");
        private static final jnr.ffi.Runtime RUNTIME = jnr.ffi.Runtime.getRuntime(INSTANCE);

        private Holder() {
        }

        static int errno() {
            return RUNTIME.getLastError();
        }
    }
}

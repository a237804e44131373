package io.wharf.container.runtime;

import jnr.ffi.LibraryLoader;
import jnr.ffi.annotations.SaveError;

/** The few libc calls jnr-posix lacks. Only this package binds native code. */
public interface LibC {
    long MS_RDONLY = 1L;
    int MNT_DETACH = 2;
    int S_IFCHR = 0020000;

    @SaveError
    int mount(String source, String target, String fstype, long flags, String data);

    @SaveError
    int umount2(String target, int flags);

    @SaveError
    int mknod(String path, int mode, long dev);

    /** ioctl TIOCSWINSZ: sets a terminal's size from struct winsize (rows, columns, 2 unused; unsigned shorts). */
    long TIOCSWINSZ = 0x5414;
    int EIO = 5;

    @SaveError
    int ioctl(int fd, long request, byte[] argument);

    @SaveError
    long read(int fd, byte[] buffer, long count);

    @SaveError
    long write(int fd, byte[] buffer, long count);

    @SaveError
    int close(int fd);

    int SIGWINCH = 28;
    /** O_RDWR | O_NOCTTY | O_CLOEXEC: the agent never takes a terminal as its own. */
    int PTY_MASTER_FLAGS = 02 | 0400 | 02000000;

    @SaveError
    int kill(int pid, int signal);

    @SaveError
    int posix_openpt(int flags);

    @SaveError
    int grantpt(int fd);

    @SaveError
    int unlockpt(int fd);

    @SaveError
    int ptsname_r(int fd, byte[] buffer, long length);

    @SaveError
    int lsetxattr(String path, String name, byte[] value, long size, int flags);

    /** The size of the attribute's value (copied into {@code value}), or -1 with errno (ENODATA: none). */
    @SaveError
    long lgetxattr(String path, String name, byte[] value, long size);

    /** Loaded once, lazily: unit tests that use fakes never touch native code. */
    final class Holder {
        static final LibC INSTANCE = LibraryLoader.create(LibC.class).load("c");
        private static final jnr.ffi.Runtime RUNTIME = jnr.ffi.Runtime.getRuntime(INSTANCE);

        private Holder() {
        }

        static int errno() {
            return RUNTIME.getLastError();
        }

        static String describe(int errno) {
            jnr.constants.platform.Errno e = jnr.constants.platform.Errno.valueOf(errno);
            return e == null ? "errno " + errno : e.description() + " (" + e.name() + ")";
        }
    }
}

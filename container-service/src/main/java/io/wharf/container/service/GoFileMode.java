package io.wharf.container.service;

/** A Unix st_mode as Go's {@code os.FileMode}, which docker cp's path stat carries. */
final class GoFileMode {
    static final long DIR = 1L << 31;
    static final long SYMLINK = 1L << 27;
    static final long DEVICE = 1L << 26;
    static final long NAMED_PIPE = 1L << 25;
    static final long SOCKET = 1L << 24;
    static final long SETUID = 1L << 23;
    static final long SETGID = 1L << 22;
    static final long CHAR_DEVICE = 1L << 21;
    static final long STICKY = 1L << 20;

    private GoFileMode() {
    }

    static long of(int unixMode) {
        long mode = unixMode & 0777;
        switch (unixMode & 0170000) {
            case 0040000 -> mode |= DIR;
            case 0120000 -> mode |= SYMLINK;
            case 0060000 -> mode |= DEVICE;
            case 0020000 -> mode |= DEVICE | CHAR_DEVICE;
            case 0010000 -> mode |= NAMED_PIPE;
            case 0140000 -> mode |= SOCKET;
            default -> {
            }
        }
        if ((unixMode & 04000) != 0) {
            mode |= SETUID;
        }
        if ((unixMode & 02000) != 0) {
            mode |= SETGID;
        }
        if ((unixMode & 01000) != 0) {
            mode |= STICKY;
        }
        return mode;
    }
}

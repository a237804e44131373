package io.wharf.container.runtime;

import io.wharf.common.error.WharfException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** mknod(2) and lsetxattr(2) through jnr-ffi. */
@ApplicationScoped
public class LinuxWhiteoutOps implements WhiteoutOps {
    private static final byte[] OPAQUE = "y".getBytes(StandardCharsets.US_ASCII);

    @Override
    public void makeWhiteout(Path path) {
        if (LibC.Holder.INSTANCE.mknod(path.toString(), LibC.S_IFCHR, 0L) != 0) {
            throw WharfException.system("cannot create whiteout " + path + ": "
                    + LibC.Holder.describe(LibC.Holder.errno()), null);
        }
    }

    @Override
    public void markOpaque(Path dir) {
        if (LibC.Holder.INSTANCE.lsetxattr(dir.toString(), "trusted.overlay.opaque", OPAQUE, OPAQUE.length, 0) != 0) {
            throw WharfException.system("cannot mark " + dir + " opaque: "
                    + LibC.Holder.describe(LibC.Holder.errno()), null);
        }
    }

    @Override
    public boolean isOpaque(Path dir) {
        byte[] value = new byte[8];
        long n = LibC.Holder.INSTANCE.lgetxattr(dir.toString(), "trusted.overlay.opaque", value, value.length);
        return n == 1 && value[0] == 'y';
    }
}

package io.wharf.container.runtime;

import io.wharf.common.error.WharfException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** mount(2)/umount2(2) through jnr-ffi. */
@ApplicationScoped
public class LinuxMounter implements Mounter {
    private static final int EINVAL = 22;
    private static final int EBUSY = 16;
    /** mount(2) data is one page. */
    private static final int MAX_DATA = 4095;

    @Override
    public void mountOverlay(List<Path> lowerTopFirst, Path upper, Path work, Path target) {
        String lower = lowerTopFirst.stream().map(p -> p.toAbsolutePath().toString()).collect(Collectors.joining(":"));
        String data = "lowerdir=" + lower + ",upperdir=" + upper.toAbsolutePath() + ",workdir=" + work.toAbsolutePath();
        if (data.length() > MAX_DATA) {
            throw WharfException.system("overlay mount options too long for " + lowerTopFirst.size()
                    + " layers (" + data.length() + " bytes)", null);
        }
        int rc = LibC.Holder.INSTANCE.mount("overlay", target.toAbsolutePath().toString(), "overlay", 0L, data);
        if (rc != 0) {
            int errno = LibC.Holder.errno();
            throw WharfException.system("cannot mount overlay at " + target + ": " + LibC.Holder.describe(errno), null);
        }
    }

    @Override
    public void unmount(Path target) {
        if (!isMounted(target)) {
            return;
        }
        String path = target.toAbsolutePath().toString();
        int rc = LibC.Holder.INSTANCE.umount2(path, 0);
        if (rc != 0) {
            int errno = LibC.Holder.errno();
            if (errno == EINVAL) {
                return; // not a mount point any more
            }
            if (errno == EBUSY && LibC.Holder.INSTANCE.umount2(path, LibC.MNT_DETACH) == 0) {
                return; // lazily detached: gone from the namespace now, freed once unused
            }
            throw WharfException.system("cannot unmount " + target + ": " + LibC.Holder.describe(errno), null);
        }
    }

    @Override
    public boolean isMounted(Path target) {
        String wanted = target.toAbsolutePath().normalize().toString();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
                String[] fields = line.split(" ");
                if (fields.length > 4 && unescape(fields[4]).equals(wanted)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw WharfException.system("cannot read /proc/self/mountinfo", e);
        }
    }

    /** mountinfo escapes space, tab, newline and backslash as octal. */
    static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length()) {
                sb.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}

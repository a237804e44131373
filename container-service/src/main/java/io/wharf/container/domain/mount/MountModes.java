package io.wharf.container.domain.mount;

import java.util.Set;

/** moby's mount modes of {@code -v} and {@code --volumes-from}: rw|ro, z|Z, a propagation, nocopy, comma separated. */
public final class MountModes {
    public static final Set<String> PROPAGATIONS = Set.of("shared", "rshared", "slave", "rslave", "private", "rprivate");
    public static final String DEFAULT_PROPAGATION = "rprivate";

    private MountModes() {
    }

    /** At most one of each kind; the empty mode is valid. */
    public static boolean valid(String mode) {
        if (mode.isEmpty()) {
            return true;
        }
        int rw = 0;
        int label = 0;
        int propagation = 0;
        int copy = 0;
        for (String o : mode.split(",")) {
            if (o.equals("rw") || o.equals("ro")) {
                rw++;
            } else if (o.equals("z") || o.equals("Z")) {
                label++;
            } else if (PROPAGATIONS.contains(o)) {
                propagation++;
            } else if (o.equals("nocopy")) {
                copy++;
            } else {
                return false;
            }
        }
        return rw <= 1 && label <= 1 && propagation <= 1 && copy <= 1;
    }

    public static boolean readWrite(String mode) {
        for (String o : mode.split(",")) {
            if (o.equals("ro")) {
                return false;
            }
        }
        return true;
    }

    public static String propagation(String mode) {
        for (String o : mode.split(",")) {
            if (PROPAGATIONS.contains(o)) {
                return o;
            }
        }
        return "";
    }

    public static boolean noCopy(String mode) {
        for (String o : mode.split(",")) {
            if (o.equals("nocopy")) {
                return true;
            }
        }
        return false;
    }
}

package io.wharf.image.domain;

/** The rule every entry name of a layer obeys: relative, and never climbing out of the layer root. */
public final class TarPaths {
    private TarPaths() {
    }

    public static void check(String name, String what) throws TarFormatException {
        if (name.isEmpty()) {
            throw new TarFormatException("empty " + what);
        }
        if (name.indexOf('\0') >= 0) {
            throw new TarFormatException(what + " contains a NUL byte");
        }
        if (name.startsWith("/")) {
            throw new TarFormatException(what + " \"" + name + "\" is an absolute path");
        }
        for (String component : name.split("/")) {
            if (component.equals("..")) {
                throw new TarFormatException(what + " \"" + name + "\" escapes the layer root");
            }
        }
    }

    /**
     * moby's breakout check for symlinks: a relative target, taken from the link's directory, must stay
     * inside the layer (an absolute one is resolved against the layer root, so it always does).
     */
    public static void checkSymlink(String name, String target) throws TarFormatException {
        if (target.isEmpty() || target.startsWith("/")) {
            return;
        }
        int depth = 0;
        String[] parts = name.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (!parts[i].isEmpty() && !parts[i].equals(".")) {
                depth++;
            }
        }
        for (String component : target.split("/")) {
            if (component.equals("..")) {
                depth--;
                if (depth < 0) {
                    throw new TarFormatException("symlink \"" + name + "\" -> \"" + target
                            + "\" points outside the layer");
                }
            } else if (!component.isEmpty() && !component.equals(".")) {
                depth++;
            }
        }
    }
}

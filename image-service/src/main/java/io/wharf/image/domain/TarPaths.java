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
}

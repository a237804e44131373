package io.wharf.container.domain;

import io.wharf.common.error.WharfException;
import java.util.regex.Pattern;

/** Docker's container name rules. Names are stored without the leading slash. */
public final class ContainerNames {
    private static final Pattern VALID = Pattern.compile("^/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$");

    private ContainerNames() {
    }

    /** The stored form of a user-given name; 400 if Docker would refuse it. */
    public static String validate(String name) {
        if (!VALID.matcher(name).matches()) {
            throw WharfException.invalid("Invalid container name (" + name
                    + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
        }
        return strip(name);
    }

    /** The name without a leading slash, as users may refer to containers either way. */
    public static String strip(String name) {
        return name.startsWith("/") ? name.substring(1) : name;
    }

    public static WharfException conflict(String name, String holderId) {
        return WharfException.conflict("Conflict. The container name \"/" + name
                + "\" is already in use by container \"" + holderId
                + "\". You have to remove (or rename) that container to be able to reuse that name.");
    }
}

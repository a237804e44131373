package io.wharf.image.rest;

import java.util.Locale;
import java.util.Set;

/** Docker's boolean query values: empty, 0, no, false and none are false; anything else is true. */
final class QueryFlags {
    private static final Set<String> FALSE = Set.of("", "0", "no", "false", "none");

    private QueryFlags() {
    }

    static boolean isTrue(String value) {
        return value != null && !FALSE.contains(value.strip().toLowerCase(Locale.ROOT));
    }
}

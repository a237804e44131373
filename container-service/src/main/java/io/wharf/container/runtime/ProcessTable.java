package io.wharf.container.runtime;

import java.util.List;

/** The host's process table, as {@code ps} prints it. */
public interface ProcessTable {

    /** The output of {@code ps <args>}; a failing ps is a system error with its message. */
    String ps(List<String> args);
}

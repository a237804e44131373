package io.wharf.container.runtime;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/** Reports containers whose monitor wrote an exit file. */
public interface ExitWatcher {

    /** Starts watching; {@code onExit} gets container ids, possibly more than once per exit. */
    void watch(Consumer<String> onExit);

    /** An exit conmon recorded: the code, and when (the exit file's time). */
    record Exit(int code, Instant at) {
    }

    /** The exit recorded for the container, if its exit file exists. */
    Optional<Exit> exit(String id);

    /** Forgets a handled exit. */
    void clear(String id);

    void stop();
}

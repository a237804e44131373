package io.wharf.container.runtime;

import java.nio.file.Path;

/** Changes to a running container through the OCI runtime: freeze, thaw, new resource limits. */
public interface ContainerControl {

    void pause(String id);

    void resume(String id);

    /** Applies the OCI LinuxResources JSON in {@code resources} ({@code runc update -r}). */
    void update(String id, Path resources);
}

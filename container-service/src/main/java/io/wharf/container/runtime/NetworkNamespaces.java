package io.wharf.container.runtime;

import java.nio.file.Path;
import java.util.List;

/**
 * Persistent network namespaces, one per container, bind-mounted under the run root so that they outlive
 * both the container's first process and an agent restart.
 */
public interface NetworkNamespaces {
    /** Creates the namespace (with its loopback up) if it does not exist; returns its path. */
    Path create(String containerId);

    /** The path the namespace is (or would be) mounted at. */
    Path path(String containerId);

    boolean exists(String containerId);

    /** Unmounts and removes the namespace; nothing happens when there is none. */
    void delete(String containerId);

    /** The container ids that have a namespace mounted. */
    List<String> list();
}

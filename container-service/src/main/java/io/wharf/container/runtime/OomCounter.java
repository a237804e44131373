package io.wharf.container.runtime;

/** How often the kernel's OOM killer struck in a container's memory cgroup. */
public interface OomCounter {

    /** @param cgroupPath the container's cgroupsPath ("/parent/id"); 0 when the cgroup is gone */
    long oomKills(String cgroupPath);
}

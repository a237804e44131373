package io.wharf.volume.service;

import java.util.Map;

/** A volume driver: the built-in {@code local} one or a plugin speaking Docker's VolumeDriver protocol. */
public interface VolumeDriver {
    String name();

    /** {@code local} or {@code global}. */
    String scope();

    /** Creates the volume's storage; returns its mountpoint on the host ("" if the driver tells only at mount). */
    String create(String volume, Map<String, String> opts);

    void remove(String volume);

    /** Makes the volume available for a container; returns the host path to bind-mount. */
    String mount(String volume, String containerId);

    void unmount(String volume, String containerId);
}

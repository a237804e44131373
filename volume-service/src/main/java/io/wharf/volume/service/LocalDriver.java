package io.wharf.volume.service;

import io.wharf.volume.config.VolumeLayout;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * The built-in driver: a directory under the volumes root. Options (tmpfs, bind of a device) are
 * applied by the host agent when it mounts the volume into a container.
 */
@ApplicationScoped
public class LocalDriver implements VolumeDriver {
    public static final String NAME = "local";

    private final LocalVolumes volumes;
    private final VolumeLayout layout;

    public LocalDriver(LocalVolumes volumes, VolumeLayout layout) {
        this.volumes = volumes;
        this.layout = layout;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String scope() {
        return "local";
    }

    @Override
    public String create(String volume, Map<String, String> opts) {
        return volumes.create(volume).toString();
    }

    @Override
    public void remove(String volume) {
        volumes.delete(volume);
    }

    @Override
    public String mount(String volume, String containerId) {
        return layout.dataDir(volume).toString();
    }

    @Override
    public void unmount(String volume, String containerId) {
        // nothing mounted on the host for a local volume
    }
}

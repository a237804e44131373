package io.wharf.volume.service;

import io.wharf.volume.client.plugin.VolumePlugin;
import java.util.Map;

/** A volume plugin as a driver: each operation is one protocol call. */
final class PluginDriver implements VolumeDriver {
    private final VolumePlugin plugin;
    private final String scope;

    PluginDriver(VolumePlugin plugin) {
        this.plugin = plugin;
        this.scope = plugin.scope();
    }

    VolumePlugin plugin() {
        return plugin;
    }

    @Override
    public String name() {
        return plugin.name();
    }

    @Override
    public String scope() {
        return scope;
    }

    @Override
    public String create(String volume, Map<String, String> opts) {
        plugin.create(volume, opts);
        try {
            return plugin.path(volume);
        } catch (RuntimeException e) {
            return ""; // some plugins know the path only once mounted
        }
    }

    @Override
    public void remove(String volume) {
        plugin.remove(volume);
    }

    @Override
    public String mount(String volume, String containerId) {
        return plugin.mount(volume, containerId);
    }

    @Override
    public void unmount(String volume, String containerId) {
        plugin.unmount(volume, containerId);
    }
}

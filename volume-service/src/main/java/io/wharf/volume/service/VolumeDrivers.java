package io.wharf.volume.service;

import io.wharf.common.error.WharfException;
import io.wharf.volume.client.plugin.PluginAddress;
import io.wharf.volume.client.plugin.PluginLocator;
import io.wharf.volume.client.plugin.VolumePlugin;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The driver of a name: {@code local}, or a plugin found in the plugin directories and activated once. */
@ApplicationScoped
public class VolumeDrivers {
    private final LocalDriver local;
    private final PluginLocator locator;
    private final Map<String, PluginDriver> plugins = new ConcurrentHashMap<>();

    public VolumeDrivers(LocalDriver local, PluginLocator locator) {
        this.local = local;
        this.locator = locator;
    }

    /** 404 {@code error looking up volume plugin X: plugin "X" not found} when nothing answers to the name. */
    public VolumeDriver get(String name) {
        if (name == null || name.isEmpty() || name.equals(LocalDriver.NAME)) {
            return local;
        }
        PluginAddress address = locator.find(name).orElseThrow(() -> notFound(name));
        PluginDriver known = plugins.get(name);
        if (known != null && known.plugin().address().equals(address)) {
            return known;
        }
        VolumePlugin plugin = new VolumePlugin(name, address);
        try {
            plugin.activate();
        } catch (WharfException e) {
            if (e.kind() == io.wharf.common.error.ErrorKind.NOT_FOUND) {
                throw e;
            }
            throw new WharfException(io.wharf.common.error.ErrorKind.NOT_FOUND,
                    "error looking up volume plugin " + name + ": " + e.getMessage(), e);
        }
        PluginDriver driver = new PluginDriver(plugin);
        plugins.put(name, driver);
        return driver;
    }

    /** The volumes a plugin reports (VolumeDriver.List); empty for the local driver. */
    public java.util.List<com.fasterxml.jackson.databind.JsonNode> list(String driver) {
        VolumeDriver d = get(driver);
        java.util.List<com.fasterxml.jackson.databind.JsonNode> out = new java.util.ArrayList<>();
        if (d instanceof PluginDriver p) {
            p.plugin().list().forEach(out::add);
        }
        return out;
    }

    public String scope(String driver) {
        return get(driver).scope();
    }

    /** A plugin volume's {@code Status} (VolumeDriver.Get); null for the local driver. */
    public com.fasterxml.jackson.databind.JsonNode status(String driver, String volume) {
        VolumeDriver d = get(driver);
        return d instanceof PluginDriver p ? p.plugin().get(volume).path("Status") : null;
    }

    /** Forgets an activated plugin (after a failed call, the next use activates it again). */
    public void forget(String name) {
        plugins.remove(name);
    }

    private static WharfException notFound(String name) {
        return WharfException.notFound("error looking up volume plugin " + name + ": plugin \"" + name + "\" not found");
    }
}

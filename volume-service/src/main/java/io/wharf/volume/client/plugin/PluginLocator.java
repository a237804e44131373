package io.wharf.volume.client.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wharf.common.error.WharfException;
import io.wharf.volume.config.VolumeLayout;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Docker's plugin discovery: {@code <dir>/<name>.sock} or {@code <dir>/<name>/<name>.sock} in every
 * directory first, then {@code <name>.spec} (a URL) and {@code <name>.json} ({@code {"Addr": ...}}).
 */
@ApplicationScoped
public class PluginLocator {
    private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9_.-]*$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final VolumeLayout layout;

    public PluginLocator(VolumeLayout layout) {
        this.layout = layout;
    }

    public Optional<PluginAddress> find(String name) {
        if (!NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        for (Path dir : layout.pluginDirs()) {
            for (Path socket : new Path[] {dir.resolve(name + ".sock"), dir.resolve(name).resolve(name + ".sock")}) {
                if (Files.exists(socket) && !Files.isDirectory(socket) && !Files.isRegularFile(socket)) {
                    return Optional.of(PluginAddress.unix(socket));
                }
            }
        }
        for (Path dir : layout.pluginDirs()) {
            try {
                Path spec = dir.resolve(name + ".spec");
                if (Files.isRegularFile(spec)) {
                    return Optional.of(PluginAddress.parse(Files.readString(spec)));
                }
                Path json = dir.resolve(name + ".json");
                if (Files.isRegularFile(json)) {
                    JsonNode node = JSON.readTree(json.toFile());
                    return Optional.of(PluginAddress.parse(node.path("Addr").asText()));
                }
            } catch (IOException | RuntimeException e) {
                throw WharfException.system("error reading the spec of volume plugin " + name + ": " + e.getMessage(), e);
            }
        }
        return Optional.empty();
    }
}

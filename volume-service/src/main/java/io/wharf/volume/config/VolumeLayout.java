package io.wharf.volume.config;

import io.wharf.common.error.WharfException;
import io.wharf.volume.domain.VolumeNames;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where volumes live ({@code <data-root>/volumes/<name>/_data}) and where volume plugins are looked up. */
@ApplicationScoped
public class VolumeLayout {
    private final Path root;
    private final List<Path> pluginDirs;

    @jakarta.inject.Inject
    public VolumeLayout(@ConfigProperty(name = "wharf.data-root") String dataRoot,
            @ConfigProperty(name = "wharf.volume.plugin-dirs") String pluginDirs) {
        this(Path.of(dataRoot).toAbsolutePath().normalize().resolve("volumes"), Arrays.stream(pluginDirs.split("[,:]"))
                .filter(s -> !s.isBlank()).map(s -> Path.of(s.strip())).toList());
    }

    public VolumeLayout(Path volumesRoot, List<Path> pluginDirs) {
        this.root = volumesRoot;
        this.pluginDirs = pluginDirs;
    }

    public Path root() {
        return root;
    }

    /** The volume's own directory; a name that is not one safe path component is refused. */
    public Path volumeDir(String name) {
        if (!VolumeNames.isValid(name)) {
            throw WharfException.invalid("invalid volume name: " + name);
        }
        Path dir = root.resolve(name).normalize();
        if (!dir.getParent().equals(root)) {
            throw WharfException.invalid("invalid volume name: " + name);
        }
        return dir;
    }

    public Path dataDir(String name) {
        return volumeDir(name).resolve("_data");
    }

    /** Searched in order: sockets ({@code <name>.sock}, {@code <name>/<name>.sock}), then .spec and .json files. */
    public List<Path> pluginDirs() {
        return pluginDirs;
    }
}

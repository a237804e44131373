package io.wharf.image.domain;

import java.time.Instant;
import java.util.List;

/** Builds the config of an image created by {@code docker import}, as moby's ImportImage does. */
public final class ImportConfig {
    public static final String ARCHITECTURE = "amd64";
    public static final String OS = "linux";

    private ImportConfig() {
    }

    /**
     * @param diffIds the layer's uncompressed digest(s), bottom first
     * @param changes Dockerfile instructions (CMD, ENV...) applied to an empty config
     * @param message the history comment; Docker's default is {@code Imported from -}
     */
    public static ImageConfig build(List<String> diffIds, List<String> changes, String message, Instant created) {
        String comment = message == null || message.isEmpty() ? "Imported from -" : message;
        String when = Rfc3339.format(created);
        ImageConfig image = new ImageConfig();
        image.comment = comment;
        image.created = when;
        image.config = DockerfileChanges.apply(new ContainerConfig(), changes);
        image.architecture = ARCHITECTURE;
        image.os = OS;
        image.rootfs = RootFs.layers(diffIds);
        image.history = List.of(new HistoryEntry(when, null, null, comment, false));
        return image;
    }
}

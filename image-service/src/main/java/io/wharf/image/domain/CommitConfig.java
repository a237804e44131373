package io.wharf.image.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds the config of an image made by {@code docker commit}, as moby's CommitImage: the parent's, plus one layer and one history entry. */
public final class CommitConfig {
    private CommitConfig() {
    }

    /**
     * @param parent       the container's image config
     * @param container    the container's Config with the request's changes applied
     * @param createdBy    the container's command (moby: its Cmd joined by spaces)
     * @param newDiffId    the new layer's diff id, or null when the container changed nothing (an empty layer)
     */
    public static ImageConfig build(ImageConfig parent, ContainerConfig container, String containerId, String createdBy,
            String comment,
            String author, String newDiffId, Instant created) {
        String when = Rfc3339.format(created);
        ImageConfig image = new ImageConfig();
        image.comment = comment;
        image.created = when;
        image.author = author;
        image.config = container;
        image.architecture = parent.architecture == null ? ImportConfig.ARCHITECTURE : parent.architecture;
        image.os = parent.os == null ? ImportConfig.OS : parent.os;
        List<String> diffIds = new ArrayList<>(parent.rootfs == null || parent.rootfs.diffIds() == null ? List.of()
                : parent.rootfs.diffIds());
        if (newDiffId != null) {
            diffIds.add(newDiffId);
        }
        image.rootfs = RootFs.layers(diffIds);
        List<HistoryEntry> history = new ArrayList<>(parent.history == null ? List.of() : parent.history);
        history.add(new HistoryEntry(when, createdBy, author, comment, newDiffId == null));
        image.history = history;
        image.setContainer(containerId);
        return image;
    }
}

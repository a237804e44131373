package io.wharf.image.rest;

import io.wharf.image.service.DiskUsage;
import io.wharf.image.service.ImageHistory;
import io.wharf.image.service.ImagePruner;
import io.wharf.image.service.ImageSaver;
import io.wharf.image.service.LoadService;
import jakarta.enterprise.context.ApplicationScoped;

/** The local image operations beyond import/list/tag/delete (history, prune, df, save, load, commit), in one injection. */
@ApplicationScoped
public class LocalImageOperations {
    private final ImageHistory history;
    private final ImagePruner pruner;
    private final DiskUsage diskUsage;
    private final ImageSaver saver;
    private final LoadService loader;

    public LocalImageOperations(ImageHistory history, ImagePruner pruner, DiskUsage diskUsage, ImageSaver saver,
            LoadService loader) {
        this.history = history;
        this.pruner = pruner;
        this.diskUsage = diskUsage;
        this.saver = saver;
        this.loader = loader;
    }

    public ImageSaver saver() {
        return saver;
    }

    public LoadService loader() {
        return loader;
    }

    public ImageHistory history() {
        return history;
    }

    public ImagePruner pruner() {
        return pruner;
    }

    public DiskUsage diskUsage() {
        return diskUsage;
    }
}

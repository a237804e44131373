package io.wharf.container.service;

import io.wharf.common.error.WharfException;
import io.wharf.container.config.HostLayout;
import io.wharf.container.runtime.FileTrees;
import io.wharf.container.runtime.Mounter;
import io.wharf.container.store.ContainerEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** A container's directory and its overlay root file system (mounted only while it runs). */
@ApplicationScoped
public class RootfsService {
    private final HostLayout layout;
    private final SnapshotService snapshots;
    private final Mounter mounter;

    public RootfsService(HostLayout layout, SnapshotService snapshots, Mounter mounter) {
        this.layout = layout;
        this.snapshots = snapshots;
        this.mounter = mounter;
    }

    public Path dir(String id) {
        return layout.containerDir(id);
    }

    public Path merged(String id) {
        return dir(id).resolve("merged");
    }

    public Path upper(String id) {
        return dir(id).resolve("upper");
    }

    public Path work(String id) {
        return dir(id).resolve("work");
    }

    /** The read-only layers, top first (overlay's lowerdir order). */
    public List<Path> lowerDirs(ContainerEntity c) {
        List<Path> lowers = new ArrayList<>();
        if (!c.layers.isEmpty()) {
            Arrays.stream(c.layers.split(",")).forEach(hex -> lowers.add(snapshots.layerDir(hex)));
        }
        Collections.reverse(lowers);
        return lowers;
    }

    public void prepare(String id) {
        try {
            Files.createDirectories(upper(id));
            Files.createDirectories(work(id));
            Files.createDirectories(merged(id));
        } catch (IOException e) {
            throw WharfException.system("cannot create container directory: " + e.getMessage(), e);
        }
    }

    public Path mount(ContainerEntity c) {
        Path merged = merged(c.id);
        if (mounter.isMounted(merged)) {
            return merged;
        }
        List<Path> lowers = lowerDirs(c);
        if (lowers.isEmpty()) {
            throw WharfException.system("image " + c.imageId + " has no layers", null);
        }
        mounter.mountOverlay(lowers, upper(c.id), work(c.id), merged);
        return merged;
    }

    public void unmount(String id) {
        mounter.unmount(merged(id));
    }

    /** Unmounts and deletes everything in the container's directory. */
    public void delete(String id) {
        unmount(id);
        if (mounter.isMounted(merged(id))) {
            throw WharfException.system("rootfs of " + id + " is still mounted", null);
        }
        try {
            FileTrees.deleteRecursively(dir(id));
        } catch (IOException e) {
            throw WharfException.system("cannot remove container directory of " + id + ": " + e.getMessage(), e);
        }
    }

    /** Bytes written by the container (its upper directory). */
    public long sizeRw(String id) {
        return FileTrees.size(upper(id));
    }

    public long sizeRootFs(ContainerEntity c) {
        return sizeRw(c.id) + lowerDirs(c).stream().mapToLong(FileTrees::size).sum();
    }
}

package io.wharf.volume.service;

import io.wharf.common.error.WharfException;
import io.wharf.volume.config.VolumeLayout;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;

/** The directories of local volumes on this host: created, measured and deleted without following links. */
@ApplicationScoped
public class LocalVolumes {
    private final VolumeLayout layout;

    public LocalVolumes(VolumeLayout layout) {
        this.layout = layout;
    }

    /** Creates {@code <root>/<name>/_data} (0755) and returns it. */
    public Path create(String name) {
        Path data = layout.dataDir(name);
        try {
            if (!Files.isDirectory(layout.root())) {
                Files.createDirectories(layout.root());
                Files.setPosixFilePermissions(layout.root(), PosixFilePermissions.fromString("rwx-----x"));
            }
            Files.createDirectories(data);
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
            return data;
        } catch (IOException e) {
            throw WharfException.system("create " + name + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the volume's directory tree; symbolic links are removed, never followed. */
    public void delete(String name) {
        Path dir = layout.volumeDir(name);
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            // gone meanwhile
        } catch (IOException e) {
            throw WharfException.system("remove " + name + ": " + e.getMessage(), e);
        }
    }

    /** Bytes used by the files under {@code dir} (hard links counted once), or -1 if unreadable. */
    public static long size(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        long[] total = {0};
        Set<Object> seen = new HashSet<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    Object key = attrs.fileKey();
                    if (attrs.isRegularFile() && (key == null || seen.add(key))) {
                        total[0] += attrs.size();
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }
            });
            return total[0];
        } catch (IOException e) {
            return -1;
        }
    }
}

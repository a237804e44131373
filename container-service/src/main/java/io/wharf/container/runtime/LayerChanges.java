package io.wharf.container.runtime;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * moby's overlay2 {@code Changes}: walks a container's upper directory against its layers. An overlay
 * whiteout (char device 0/0) is a deletion; a path present in a layer is a modification (directories
 * only if their size, mode or mtime differ), anything else an addition; the parent of an addition or
 * deletion is reported modified.
 */
public final class LayerChanges {
    /** Docker's change kinds. */
    public static final int MODIFIED = 0;
    public static final int ADDED = 1;
    public static final int DELETED = 2;

    /**
     * Mount points the runtime creates (moby keeps them in the container's init layer, so its diff
     * never shows them): placeholders only, their content lives elsewhere.
     */
    static final Set<String> INIT_PATHS = Set.of("/etc/hosts", "/etc/hostname", "/etc/resolv.conf", "/etc/mtab",
            "/dev", "/dev/pts", "/dev/shm", "/dev/console", "/dev/mqueue", "/proc", "/sys", "/sys/fs/cgroup",
            "/.dockerenv");

    /** One change, {@code path} absolute inside the container. */
    public record Change(String path, int kind) {
    }

    private LayerChanges() {
    }

    public static List<Change> changes(Path upper, List<Path> lowersTopFirst) throws IOException {
        List<Change> changes = new ArrayList<>();
        Set<String> changedDirs = new HashSet<>();
        if (!Files.isDirectory(upper)) {
            return changes;
        }
        Files.walkFileTree(upper, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(upper)) {
                    visit(dir);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                visit(file);
                return FileVisitResult.CONTINUE;
            }

            private void visit(Path file) throws IOException {
                String path = "/" + upper.relativize(file).toString();
                if (INIT_PATHS.contains(path) && !isWhiteout(file)) {
                    return;
                }
                int kind;
                if (isWhiteout(file)) {
                    kind = DELETED;
                } else {
                    Integer existing = compareWithLayers(file, path, lowersTopFirst);
                    if (existing == null) {
                        return; // an unchanged directory, only copied up for its children
                    }
                    kind = existing;
                }
                if (kind == ADDED || kind == DELETED) {
                    String parent = parent(path);
                    if (!parent.equals("/") && changedDirs.add(parent)) {
                        changes.add(new Change(parent, MODIFIED));
                    }
                }
                changedDirs.add(path);
                changes.add(new Change(path, kind));
            }
        });
        return changes;
    }

    /** MODIFIED, ADDED, or null for a directory identical to the one in the layers. */
    private static Integer compareWithLayers(Path file, String path, List<Path> lowers) throws IOException {
        PosixFileAttributes mine = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        for (Path lower : lowers) {
            Path there = lower.resolve(path.substring(1));
            if (!Files.exists(there)) {
                continue;
            }
            PosixFileAttributes theirs = Files.readAttributes(there, PosixFileAttributes.class);
            if (mine.isDirectory() && theirs.isDirectory() && mine.size() == theirs.size()
                    && mine.permissions().equals(theirs.permissions())
                    && (mine.lastModifiedTime().equals(theirs.lastModifiedTime()) || onlyInitChildren(file, path))) {
                return null;
            }
            return MODIFIED;
        }
        return ADDED;
    }

    /** A directory the runtime touched only by creating its mount points (e.g. /etc for /etc/hosts). */
    private static boolean onlyInitChildren(Path dir, String path) throws IOException {
        try (var children = Files.list(dir)) {
            return children.allMatch(child -> INIT_PATHS.contains(path + "/" + child.getFileName()));
        }
    }

    static boolean isWhiteout(Path file) throws IOException {
        if (!Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther()) {
            return false;
        }
        Object rdev = Files.getAttribute(file, "unix:rdev", LinkOption.NOFOLLOW_LINKS);
        Object mode = Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        return ((Integer) mode & 0170000) == 0020000 && ((Long) rdev) == 0L;
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }
}

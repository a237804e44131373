package io.wharf.container.runtime;

import io.wharf.common.tar.TarWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A container's upper directory as a Docker layer tar ({@code docker commit}): overlay whiteouts (char
 * device 0/0) become {@code .wh.<name>} files and opaque directories get a {@code .wh..wh..opq} entry,
 * owners, modes and mtimes are kept, hard links inside the layer stay links, and the runtime's mount
 * points (/etc/hosts, /dev, ... as {@link LayerChanges#INIT_PATHS}) are left out as moby's init layer does.
 */
public final class UpperDirArchive {
    private static final String WHITEOUT = ".wh.";
    private static final String OPAQUE = ".wh..wh..opq";

    private final WhiteoutOps whiteouts;

    public UpperDirArchive(WhiteoutOps whiteouts) {
        this.whiteouts = whiteouts;
    }

    /** Writes the tar to {@code out}; an absent upper directory gives an empty layer. */
    public void write(Path upper, OutputStream out) throws IOException {
        TarWriter tar = new TarWriter(out);
        if (Files.isDirectory(upper)) {
            Map<Object, String> inodes = new HashMap<>();
            Files.walkFileTree(upper, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (dir.equals(upper)) {
                        return FileVisitResult.CONTINUE;
                    }
                    String name = upper.relativize(dir).toString();
                    if (LayerChanges.INIT_PATHS.contains("/" + name) || onlyMountPoints(dir, name)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    tar.header(entry(dir, name, TarWriter.DIRECTORY, 0, ""));
                    if (whiteouts.isOpaque(dir)) {
                        tar.header(plain(name + "/" + OPAQUE, dir));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    String name = upper.relativize(file).toString();
                    if (LayerChanges.INIT_PATHS.contains("/" + name) && !LayerChanges.isWhiteout(file)) {
                        return FileVisitResult.CONTINUE;
                    }
                    writeFile(tar, file, name, attrs, inodes);
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        tar.finish();
    }

    /** A directory copied up only because the runtime put mount points in it (/etc for /etc/hosts). */
    private static boolean onlyMountPoints(Path dir, String name) throws IOException {
        try (var children = Files.list(dir)) {
            List<Path> all = children.toList();
            return !all.isEmpty() && all.stream()
                    .allMatch(child -> LayerChanges.INIT_PATHS.contains("/" + name + "/" + child.getFileName()));
        }
    }

    private void writeFile(TarWriter tar, Path file, String name, BasicFileAttributes attrs, Map<Object, String> inodes)
            throws IOException {
        if (LayerChanges.isWhiteout(file)) {
            int slash = name.lastIndexOf('/');
            String whiteout = slash < 0 ? WHITEOUT + name : name.substring(0, slash + 1) + WHITEOUT
                    + name.substring(slash + 1);
            tar.header(plain(whiteout, file));
            return;
        }
        if (attrs.isSymbolicLink()) {
            tar.header(entry(file, name, TarWriter.SYMLINK, 0, Files.readSymbolicLink(file).toString()));
            return;
        }
        if (attrs.isRegularFile()) {
            int links = (Integer) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
            if (links > 1) {
                Object key = attrs.fileKey();
                String first = inodes.putIfAbsent(key, name);
                if (first != null) {
                    tar.header(entry(file, name, TarWriter.HARDLINK, 0, first));
                    return;
                }
            }
            tar.header(entry(file, name, TarWriter.REGULAR, attrs.size(), ""));
            try (InputStream in = Files.newInputStream(file)) {
                tar.data(in);
            }
            return;
        }
        int mode = (Integer) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        char type = switch (mode & 0170000) {
            case 0020000 -> TarWriter.CHAR_DEVICE;
            case 0060000 -> TarWriter.BLOCK_DEVICE;
            case 0010000 -> TarWriter.FIFO;
            default -> 0;
        };
        if (type != 0) {
            tar.header(entry(file, name, type, 0, ""));
        } // sockets are not archived, as in Docker
    }

    private static TarWriter.Entry entry(Path path, String name, char type, long size, String link) throws IOException {
        Map<String, Object> a = Files.readAttributes(path, "unix:mode,uid,gid,lastModifiedTime,rdev",
                LinkOption.NOFOLLOW_LINKS);
        long rdev = (Long) a.get("rdev");
        long mtime = ((java.nio.file.attribute.FileTime) a.get("lastModifiedTime")).toMillis() / 1000;
        return new TarWriter.Entry(name, type, (Integer) a.get("mode") & 07777, (Integer) a.get("uid"),
                (Integer) a.get("gid"), size, mtime, link, (rdev >> 8) & 0xfff, (rdev & 0xff) | ((rdev >> 12) & 0xfff00),
                Map.of());
    }

    /** An empty regular file (a whiteout marker) with the owner and time of {@code like}. */
    private static TarWriter.Entry plain(String name, Path like) throws IOException {
        Map<String, Object> a = Files.readAttributes(like, "unix:uid,gid,lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
        long mtime = ((java.nio.file.attribute.FileTime) a.get("lastModifiedTime")).toMillis() / 1000;
        return new TarWriter.Entry(name, TarWriter.REGULAR, 0, (Integer) a.get("uid"), (Integer) a.get("gid"), 0,
                mtime, "", 0, 0, Map.of());
    }
}

package io.wharf.container.service;

import io.wharf.common.error.WharfException;
import io.wharf.container.runtime.FileTrees;
import io.wharf.container.runtime.ScopedPaths;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * Copies a tree extracted into a private staging directory into a container's rootfs. Each entry's
 * parent is resolved inside the rootfs ({@link ScopedPaths}), so symbolic links in the container (or in
 * the archive) can never make a write land outside it.
 */
final class StagedCopy {
    private StagedCopy() {
    }

    static void into(Path stage, Path root, String targetInRoot, boolean noOverwriteDirNonDir) throws IOException {
        Files.walkFileTree(stage, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (dir.equals(stage)) {
                    return FileVisitResult.CONTINUE;
                }
                Path dest = destination(dir);
                if (Files.isDirectory(dest, LinkOption.NOFOLLOW_LINKS)) {
                    return FileVisitResult.CONTINUE;
                }
                if (Files.exists(dest, LinkOption.NOFOLLOW_LINKS)) {
                    if (noOverwriteDirNonDir) {
                        throw WharfException.invalid("cannot overwrite non-directory \"" + "/" + root.relativize(dest)
                                + "\" with directory");
                    }
                    Files.delete(dest);
                }
                Files.createDirectory(dest);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path dest = destination(file);
                if (Files.isDirectory(dest, LinkOption.NOFOLLOW_LINKS)) {
                    if (noOverwriteDirNonDir) {
                        throw WharfException.invalid("cannot overwrite directory \"" + "/" + root.relativize(dest)
                                + "\" with non-directory");
                    }
                    FileTrees.deleteRecursively(dest);
                }
                if (!attrs.isRegularFile() && !attrs.isSymbolicLink()) {
                    return FileVisitResult.CONTINUE; // devices and fifos are not copied
                }
                Files.copy(file, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES,
                        LinkOption.NOFOLLOW_LINKS);
                owner(file, dest);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                if (!dir.equals(stage)) {
                    Path dest = destination(dir);
                    Files.setPosixFilePermissions(dest, Files.getPosixFilePermissions(dir));
                    owner(dir, dest);
                    FileTime mtime = Files.getLastModifiedTime(dir);
                    Files.setLastModifiedTime(dest, mtime);
                }
                return FileVisitResult.CONTINUE;
            }

            private Path destination(Path staged) {
                Path rel = stage.relativize(staged);
                String parent = rel.getParent() == null ? "" : rel.getParent().toString();
                Path dir = ScopedPaths.resolve(root, targetInRoot + "/" + parent);
                return dir.resolve(rel.getFileName().toString());
            }
        });
    }

    private static void owner(Path from, Path to) throws IOException {
        Object uid = Files.getAttribute(from, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        Object gid = Files.getAttribute(from, "unix:gid", LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(to, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(to, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
    }
}

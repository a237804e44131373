package io.wharf.container.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.common.error.WharfException;
import io.wharf.container.config.HostLayout;
import io.wharf.container.domain.DockerTime;
import io.wharf.container.runtime.FileTrees;
import io.wharf.container.runtime.LayerChanges;
import io.wharf.container.runtime.ScopedPaths;
import io.wharf.container.runtime.TarStreams;
import io.wharf.container.service.mount.MountedPaths;
import io.wharf.container.store.ContainerEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** {@code docker diff}, {@code docker export} and {@code docker cp} (the archive endpoints). */
@ApplicationScoped
public class ContainerFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ContainerLookup lookup;
    private final RootfsService rootfs;
    private final MountedRootfs mounted;
    private final TarStreams tars;
    private final HostLayout layout;

    public ContainerFiles(ContainerLookup lookup, RootfsService rootfs, MountedRootfs mounted, TarStreams tars,
            HostLayout layout) {
        this.lookup = lookup;
        this.rootfs = rootfs;
        this.mounted = mounted;
        this.tars = tars;
        this.layout = layout;
    }

    /** The resolved container, 404 if there is none (checked before a streamed answer starts). */
    public ContainerEntity resolve(String ref) {
        return lookup.resolve(ref);
    }

    public List<LayerChanges.Change> changes(String ref) {
        ContainerEntity c = lookup.resolve(ref);
        try {
            return LayerChanges.changes(rootfs.upper(c.id), rootfs.lowerDirs(c));
        } catch (IOException e) {
            throw WharfException.system("cannot compute changes of " + c.id + ": " + e.getMessage(), e);
        }
    }

    public void export(String id, OutputStream out) {
        mounted.with(id, merged -> {
            tars.create(merged, ".", null, out);
            return null;
        });
    }

    /** What {@code X-Docker-Container-Path-Stat} carries (base64 JSON), or 404. */
    public String stat(String ref, String path) {
        return mounted.with(ref, merged -> encode(statJson(scope(ref, merged, path), ref, path)));
    }

    /** Streams a tar of {@code path} (its entries named after the path's base name). */
    public void archive(String ref, String path, OutputStream out) {
        mounted.with(ref, merged -> {
            Scope scope = scope(ref, merged, path);
            Path target = resolveForRead(scope.root(), ref, scope.path(), path);
            String base = baseName(path);
            Path dir = target.getParent() == null ? target : target.getParent();
            if (target.equals(merged)) {
                tars.create(merged, ".", null, out);
            } else {
                tars.create(dir, target.getFileName().toString(), base.isEmpty() ? null : base, out);
            }
            return null;
        });
    }

    /** Extracts a tar into directory {@code path} of the container, never outside its rootfs. */
    public void extract(String ref, String path, boolean noOverwriteDirNonDir, InputStream tar) {
        mounted.with(ref, merged -> {
            Scope scope = scope(ref, merged, path);
            Path target = ScopedPaths.resolve(scope.root(), scope.path());
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw WharfException.notFound("Could not find the file " + path + " in container " + ref);
            }
            if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw WharfException.invalid("extraction point is not a directory");
            }
            Path stage = layout.tmpDir().resolve("cp-" + UUID.randomUUID());
            try {
                Files.createDirectories(stage);
                extractStaged(tar, stage, path);
                StagedCopy.into(stage, scope.root(), scope.root().relativize(target).toString(), noOverwriteDirNonDir);
            } catch (IOException e) {
                throw WharfException.system("cannot extract into " + path + ": " + e.getMessage(), e);
            } finally {
                try {
                    FileTrees.deleteRecursively(stage);
                } catch (IOException e) {
                    // best effort: the tmp directory is swept at start-up
                }
            }
            return null;
        });
    }

    /** The staging path is ours: errors name the container path, and a {@code ..} member is the user's error. */
    private void extractStaged(InputStream tar, Path stage, String path) {
        try {
            tars.extract(tar, stage);
        } catch (WharfException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("Member name contains '..'")) {
                throw WharfException.invalid("cannot extract archive into " + path
                        + ": a member name contains '..', which would be outside of the extraction point");
            }
            throw WharfException.system("cannot extract archive into " + path + ": "
                    + message.replace(stage.toString(), path), e);
        }
    }

    /** The rootfs, or the host directory of a bind or volume mounted at or above {@code path} (dockerd mounts them for cp). */
    private record Scope(Path root, String path, String destination) {
    }

    private Scope scope(String ref, Path merged, String path) {
        return MountedPaths.locate(lookup.resolve(ref).mountsJson, path)
                .map(l -> new Scope(l.root(), l.path(), l.destination())).orElse(new Scope(merged, path, ""));
    }

    private static Path resolveForRead(Path root, String ref, String scoped, String path) {
        if (path == null || path.isEmpty()) {
            throw WharfException.invalid("Path cannot be empty");
        }
        boolean follow = scoped.endsWith("/") || scoped.endsWith("/.");
        Path target = follow ? ScopedPaths.resolve(root, scoped) : ScopedPaths.resolveParent(root, scoped);
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw WharfException.notFound("Could not find the file " + path + " in container " + ref);
        }
        return target;
    }

    private static ObjectNode statJson(Scope scope, String ref, String path) {
        Path target = resolveForRead(scope.root(), ref, scope.path(), path);
        try {
            PosixFileAttributes a = Files.readAttributes(target, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            int unixMode = (Integer) Files.getAttribute(target, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            ObjectNode o = JSON.createObjectNode();
            String base = baseName(path);
            o.put("name", base.isEmpty() ? "/" : base);
            o.put("size", a.size());
            o.put("mode", GoFileMode.of(unixMode));
            o.put("mtime", DockerTime.rfc3339Nano(a.lastModifiedTime().toInstant()));
            String link = "";
            if (a.isSymbolicLink()) {
                Path resolved = ScopedPaths.resolve(scope.root(), scope.path());
                link = scope.destination() + "/" + scope.root().relativize(resolved);
            }
            o.put("linkTarget", link);
            return o;
        } catch (IOException e) {
            throw WharfException.system("cannot stat " + path + ": " + e.getMessage(), e);
        }
    }

    /** The last element of a container path ({@code /etc/} → {@code etc}, {@code /} → empty). */
    static String baseName(String path) {
        String p = path;
        while (p.endsWith("/.")) {
            p = p.substring(0, p.length() - 2);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.substring(p.lastIndexOf('/') + 1);
    }

    private static String encode(ObjectNode stat) {
        try {
            return Base64.getEncoder().encodeToString(JSON.writeValueAsString(stat).getBytes(StandardCharsets.UTF_8));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw WharfException.system("cannot encode stat", e);
        }
    }
}

package io.wharf.container.runtime;

import io.wharf.common.error.WharfException;
import io.wharf.container.config.HostLayout;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Namespaces made by {@code unshare --net=<file>} (which bind-mounts the new namespace on the file) under
 * {@code <run-root>/netns}, the way {@code ip netns add} keeps them under /run/netns.
 */
@ApplicationScoped
public class IpNetworkNamespaces implements NetworkNamespaces {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private final Path dir;

    public IpNetworkNamespaces(HostLayout layout) {
        this.dir = layout.netnsDir();
    }

    @Override
    public Path path(String containerId) {
        return dir.resolve(containerId);
    }

    @Override
    public Path create(String containerId) {
        Path file = path(containerId);
        if (exists(containerId)) {
            return file;
        }
        try {
            Files.createDirectories(dir);
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
        } catch (IOException e) {
            throw WharfException.system("cannot create " + file + ": " + e.getMessage(), e);
        }
        Processes.Result r = Processes.run(List.of("unshare", "--net=" + file, "ip", "link", "set", "lo", "up"), TIMEOUT);
        if (!r.ok()) {
            throw WharfException.system("cannot create the network namespace of " + containerId + ": " + r.output(), null);
        }
        return file;
    }

    @Override
    public boolean exists(String containerId) {
        return mounted(path(containerId).toString());
    }

    @Override
    public void delete(String containerId) {
        Path file = path(containerId);
        if (mounted(file.toString())) {
            Processes.Result r = Processes.run(List.of("umount", file.toString()), TIMEOUT);
            if (!r.ok()) {
                Processes.run(List.of("umount", "-l", file.toString()), TIMEOUT);
            }
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw WharfException.system("cannot remove " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> list() {
        List<String> ids = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return ids;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(f -> ids.add(f.getFileName().toString()));
        } catch (IOException e) {
            throw WharfException.system("cannot list " + dir + ": " + e.getMessage(), e);
        }
        return ids;
    }

    private static boolean mounted(String path) {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/mountinfo"))) {
            return lines.map(l -> l.split(" ")).anyMatch(f -> f.length > 4 && f[4].equals(path));
        } catch (IOException e) {
            return false;
        }
    }
}

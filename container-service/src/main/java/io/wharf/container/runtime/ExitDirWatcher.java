package io.wharf.container.runtime;

import io.wharf.container.config.HostLayout;
import io.wharf.container.domain.ContainerIds;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Watches conmon's exit directory with inotify (java.nio's WatchService on Linux), plus a sweep every
 * two seconds in case an event was missed or overflowed.
 */
@ApplicationScoped
public class ExitDirWatcher implements ExitWatcher {
    private static final Logger LOG = Logger.getLogger(ExitDirWatcher.class);
    private static final long SWEEP_MILLIS = 2_000;

    private final Path exits;
    private volatile boolean running;
    private Thread thread;
    private WatchService watcher;

    public ExitDirWatcher(HostLayout layout) {
        this.exits = layout.exitsDir();
    }

    @Override
    public synchronized void watch(Consumer<String> onExit) {
        if (running) {
            return;
        }
        try {
            Files.createDirectories(exits);
            watcher = exits.getFileSystem().newWatchService();
            exits.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        } catch (IOException e) {
            throw new IllegalStateException("cannot watch " + exits, e);
        }
        running = true;
        thread = new Thread(() -> loop(onExit), "exit-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop(Consumer<String> onExit) {
        long nextSweep = 0;
        while (running) {
            try {
                long now = System.currentTimeMillis();
                if (now >= nextSweep) {
                    sweep(onExit);
                    nextSweep = now + SWEEP_MILLIS;
                }
                WatchKey key = watcher.poll(SWEEP_MILLIS, TimeUnit.MILLISECONDS);
                if (key == null) {
                    continue;
                }
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                        nextSweep = 0;
                    } else if (event.context() instanceof Path name) {
                        deliver(name.toString(), onExit);
                    }
                }
                key.reset();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("exit watcher: " + e.getMessage(), e);
            }
        }
    }

    private void sweep(Consumer<String> onExit) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(exits)) {
            for (Path file : files) {
                deliver(file.getFileName().toString(), onExit);
            }
        } catch (IOException e) {
            LOG.warnf("cannot list %s: %s", exits, e.getMessage());
        }
    }

    private static void deliver(String name, Consumer<String> onExit) {
        // conmon writes "<id>.XXXXXX" and renames it to "<id>": only the final name counts
        if (ContainerIds.isFull(name)) {
            onExit.accept(name);
        }
    }

    @Override
    public Optional<Exit> exit(String id) {
        Path file = exits.resolve(id);
        try {
            String text = Files.readString(file).trim();
            if (text.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Exit(Integer.parseInt(text), Files.getLastModifiedTime(file).toInstant()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void clear(String id) {
        try {
            Files.deleteIfExists(exits.resolve(id));
        } catch (IOException e) {
            LOG.warnf("cannot remove exit file of %s: %s", id, e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }
}

package io.wharf.container.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wharf.container.config.HostLayout;
import io.wharf.container.config.WharfConfig;
import io.wharf.container.domain.ContainerIds;
import io.wharf.container.service.EtcFiles;
import io.wharf.container.service.OciSpecFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real native path, as root on a host with runc, conmon and busybox: two overlay layers (one
 * with a whiteout), a bundle from {@link OciSpecFactory}, a container under conmon, its exit file and
 * its log. Leaves no mount, runc state or cgroup behind.
 */
@EnabledIf("rootWithRuntime")
class RuncConmonOverlayTest {
    private static final String CGROUP_PARENT = "wharf-test";

    static boolean rootWithRuntime() {
        return "root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/bin/busybox"))
                && onPath("runc") && onPath("conmon");
    }

    private static boolean onPath(String name) {
        try {
            Binaries.resolve(name);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static WharfConfig config(Path data, Path run) {
        return new WharfConfig() {
            @Override
            public Path dataRoot() {
                return data;
            }

            @Override
            public Path runRoot() {
                return run;
            }

            @Override
            public Optional<String> node() {
                return Optional.empty();
            }

            @Override
            public Runtime runtime() {
                return new Runtime() {
                    @Override
                    public String runc() {
                        return "runc";
                    }

                    @Override
                    public String conmon() {
                        return "conmon";
                    }

                    @Override
                    public String cgroupParent() {
                        return CGROUP_PARENT;
                    }
                };
            }
        };
    }

    @Test
    void runsAContainerOnAnOverlayUnderConmon(@TempDir Path tmp) throws Exception {
        WharfConfig config = config(tmp.resolve("data"), tmp.resolve("run"));
        HostLayout layout = new HostLayout(config);
        LinuxMounter mounter = new LinuxMounter();
        ConmonRuncRuntime runtime = new ConmonRuncRuntime(layout, config);
        ExitDirWatcher exits = new ExitDirWatcher(layout);
        String id = ContainerIds.generate();

        Path bottom = Files.createDirectories(tmp.resolve("layers/bottom"));
        for (String d : List.of("bin", "etc", "proc", "sys", "dev", "tmp")) {
            Files.createDirectories(bottom.resolve(d));
        }
        Files.copy(Path.of("/bin/busybox"), bottom.resolve("bin/busybox"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.createSymbolicLink(bottom.resolve("bin/sh"), Path.of("busybox"));
        Files.writeString(bottom.resolve("etc/hidden"), "x");
        Files.createDirectories(bottom.resolve("data/old"));
        Path top = Files.createDirectories(tmp.resolve("layers/top"));
        Files.createDirectories(top.resolve("etc"));
        Files.createFile(top.resolve("etc/.wh.hidden"));
        Files.createDirectories(top.resolve("data"));
        Files.createFile(top.resolve("data/.wh..wh..opq"));
        assertEquals(2, new WhiteoutConverter(new LinuxWhiteoutOps()).convert(top));

        Path dir = Files.createDirectories(layout.containerDir(id));
        Path merged = Files.createDirectories(dir.resolve("merged"));
        Files.createDirectories(dir.resolve("upper"));
        Files.createDirectories(dir.resolve("work"));
        CompletableFuture<Integer> exited = new CompletableFuture<>();
        try {
            mounter.mountOverlay(List.of(top, bottom), dir.resolve("upper"), dir.resolve("work"), merged);
            assertTrue(mounter.isMounted(merged));
            assertFalse(Files.exists(merged.resolve("etc/hidden")), "whiteout hides the lower file");
            assertFalse(Files.exists(merged.resolve("data/old")), "opaque dir hides the lower dir's content");

            EtcFiles.write(dir, "c1", "");
            OciSpecFactory.Input input = new OciSpecFactory.Input("c1", merged, false,
                    List.of("sh", "-c", "echo out; echo err >&2; cat /etc/hostname; exit 3"),
                    List.of("PATH=/bin"), "/", 0, 0, List.of(), false, dir.resolve("hostname"), dir.resolve("hosts"),
                    dir.resolve("resolv.conf"), "/" + CGROUP_PARENT + "/" + id, 64L * 1024 * 1024);
            new ObjectMapper().writeValue(dir.resolve("config.json").toFile(), OciSpecFactory.build(input));

            exits.watch(exitId -> {
                if (exitId.equals(id)) {
                    exits.exit(id).ifPresent(e -> exited.complete(e.code()));
                }
            });
            long t0 = System.nanoTime();
            int pid = runtime.launch(new OciRuntime.Launch(id, "c1", dir, dir.resolve("ctr.log"), false, false));
            long launchMillis = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(pid > 0);
            assertEquals(3, exited.get(10, TimeUnit.SECONDS));
            assertTrue(launchMillis < Duration.ofSeconds(5).toMillis(), "launch took " + launchMillis + " ms");

            String log = Files.readString(dir.resolve("ctr.log"));
            assertTrue(log.contains(" stdout F out\n"), log);
            assertTrue(log.contains(" stderr F err\n"), log);
            assertTrue(log.contains(" stdout F c1\n"), log);
        } finally {
            exits.stop();
            runtime.delete(id);
            mounter.unmount(merged);
            exits.clear(id);
        }
        assertFalse(mounter.isMounted(merged));
        assertFalse(Files.exists(layout.runcRoot().resolve(id)));
        for (String controller : List.of("memory", "pids", "cpu")) {
            assertFalse(Files.exists(Path.of("/sys/fs/cgroup", controller, CGROUP_PARENT, id)), controller);
        }
        removeParentCgroups();
    }

    /** runc created the test's parent cgroup in every hierarchy; empty now, it can go. */
    private static void removeParentCgroups() throws java.io.IOException {
        try (var controllers = Files.newDirectoryStream(Path.of("/sys/fs/cgroup"))) {
            for (Path controller : controllers) {
                try {
                    Files.deleteIfExists(controller.resolve(CGROUP_PARENT));
                } catch (java.io.IOException e) {
                    // still in use by a concurrent run, or not a cgroup hierarchy
                }
            }
        }
    }
}

package io.wharf.gateway.e2e;

import static io.wharf.gateway.e2e.DockerCli.docker;
import static io.wharf.gateway.e2e.DockerCli.dockerWithInput;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test images made on the spot from Debian's busybox-static (there is no Docker Hub here): a
 * minimal root file system with busybox and its applet links, imported with {@code docker import}.
 */
public final class TestImages {
    public static final String BUSYBOX = "busybox:latest";
    private static boolean imported;

    private TestImages() {
    }

    /** Makes sure {@code busybox:latest} exists in the engine under test; imports it once per run. */
    public static synchronized void ensureBusybox() throws IOException, InterruptedException {
        if (imported || docker("image", "inspect", BUSYBOX).exitCode() == 0) {
            imported = true;
            return;
        }
        Path tar = busyboxTar();
        dockerWithInput(tar, "import", "-", BUSYBOX).assertOk();
        imported = true;
    }

    /** A tar of a busybox root file system. */
    public static Path busyboxTar() throws IOException, InterruptedException {
        Path root = Files.createTempDirectory("wharf-busybox");
        for (String dir : List.of("bin", "etc", "proc", "sys", "dev", "tmp", "root", "var")) {
            Files.createDirectories(root.resolve(dir));
        }
        Files.copy(Path.of("/bin/busybox"), root.resolve("bin/busybox"));
        Process list = new ProcessBuilder("/bin/busybox", "--list").start();
        List<String> applets = new ArrayList<>(new String(list.getInputStream().readAllBytes()).lines().toList());
        list.waitFor(10, TimeUnit.SECONDS);
        for (String applet : applets) {
            if (!applet.equals("busybox")) {
                Files.createSymbolicLink(root.resolve("bin").resolve(applet), Path.of("busybox"));
            }
        }
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n");
        Files.writeString(root.resolve("etc/group"), "root:x:0:\nnogroup:x:65534:\n");
        Path tar = Files.createTempFile("wharf-busybox", ".tar");
        Process pack = new ProcessBuilder("tar", "--numeric-owner", "-C", root.toString(), "-cf", tar.toString(), ".")
                .inheritIO().start();
        if (pack.waitFor() != 0) {
            throw new IOException("tar failed");
        }
        return tar;
    }
}

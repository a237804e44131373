package io.wharf.gateway.e2e;

import static io.wharf.gateway.e2e.DockerCli.docker;
import static io.wharf.gateway.e2e.DockerCli.dockerWithInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Volumes with the real CLI: named, anonymous, bind and tmpfs mounts, --volumes-from, the image's
 * content copied into a new volume, docker volume create/ls/inspect/rm/prune, events, ps filter.
 */
class VolumesIT {
    private final TestContainers containers = new TestContainers();
    private final List<String> volumes = new ArrayList<>();

    @TempDir
    Path tmp;

    @BeforeAll
    static void image() throws Exception {
        TestImages.ensureBusybox();
    }

    @AfterEach
    void cleanUp() {
        containers.removeAll();
        for (String v : volumes) {
            docker("volume", "rm", "-f", v);
        }
    }

    private String volume(String base) {
        String name = base + "-" + containers.run();
        volumes.add(name);
        return name;
    }

    private static Set<String> anonymousVolumes() {
        return new TreeSet<>(docker("volume", "ls", "-q", "--filter", "label=com.docker.volume.anonymous")
                .assertOk().out().lines().toList());
    }

    @Test
    void namedVolumeCarriesDataBetweenContainersReadOnlyRefusesWritesAndInUseCannotBeRemoved() {
        String v = volume("data");
        assertEquals(v, docker("volume", "create", v).assertOk().trimmed());
        String writer = containers.name("writer");
        docker("run", "--name", writer, "-v", v + ":/data", "busybox", "sh", "-c", "echo shared > /data/f").assertOk();
        assertEquals("shared", docker("run", "--rm", "-v", v + ":/data:ro", "busybox", "cat", "/data/f").assertOk().trimmed());
        DockerCli.Result ro = docker("run", "--rm", "-v", v + ":/data:ro", "busybox", "sh", "-c", "echo x > /data/g");
        assertNotEquals(0, ro.exitCode());
        assertTrue(ro.err().contains("Read-only file system"), ro.err());

        String mounts = docker("inspect", "-f", "{{range .Mounts}}{{.Type}} {{.Name}} {{.Destination}} {{.Driver}} {{.RW}} {{.Source}}{{end}}", writer)
                .assertOk().trimmed();
        assertTrue(mounts.startsWith("volume " + v + " /data local true /"), mounts);
        assertTrue(mounts.endsWith("/volumes/" + v + "/_data"), mounts);
        assertEquals(writer, docker("ps", "-a", "--filter", "volume=" + v, "--format", "{{.Names}}").assertOk().trimmed());
        assertEquals(writer, docker("ps", "-a", "--filter", "volume=/data", "--filter", "name=" + writer, "--format", "{{.Names}}").assertOk().trimmed());

        String id = docker("inspect", "-f", "{{.Id}}", writer).assertOk().trimmed();
        DockerCli.Result inUse = docker("volume", "rm", v);
        assertNotEquals(0, inUse.exitCode());
        assertTrue(inUse.err().contains("remove " + v + ": volume is in use - [" + id + "]"), inUse.err());
        assertNotEquals(0, docker("volume", "rm", "-f", v).exitCode(), "-f does not remove a volume in use");
        // read-your-writes across services: once rm returns, the volume is free
        docker("rm", "-v", writer).assertOk();
        docker("volume", "rm", v).assertOk();
        DockerCli.Result gone = docker("volume", "inspect", v);
        assertNotEquals(0, gone.exitCode());
        assertTrue(gone.err().contains("no such volume") || gone.err().contains("No such volume"), gone.err());
        docker("volume", "rm", "-f", v).assertOk();
    }

    @Test
    void volumesFromSharesMountsAndRmVRemovesAnonymousVolumes() {
        Set<String> before = anonymousVolumes();
        String data = containers.name("datac");
        docker("create", "--name", data, "-v", "/shared", "busybox", "true").assertOk();
        String anon = docker("inspect", "-f", "{{range .Mounts}}{{.Name}}{{end}}", data).assertOk().trimmed();
        assertEquals(64, anon.length(), anon);
        docker("run", "--rm", "--volumes-from", data, "busybox", "sh", "-c", "echo from-a > /shared/x").assertOk();
        assertEquals("from-a", docker("run", "--rm", "--volumes-from", data + ":ro", "busybox", "cat", "/shared/x").assertOk().trimmed());
        DockerCli.Result ro = docker("run", "--rm", "--volumes-from", data + ":ro", "busybox", "touch", "/shared/y");
        assertNotEquals(0, ro.exitCode());
        assertTrue(ro.err().contains("Read-only file system"), ro.err());
        assertTrue(anonymousVolumes().contains(anon), "--rm of a container sharing it keeps the volume");
        docker("rm", "-v", data).assertOk();
        assertEquals(before, anonymousVolumes());

        // docker run --rm removes its anonymous volumes, never the named ones
        String named = volume("kept");
        docker("run", "--rm", "-v", "/anon", "-v", named + ":/n", "busybox", "sh", "-c", "echo 1 > /anon/f; echo 2 > /n/f").assertOk();
        assertEquals(before, anonymousVolumes());
        docker("volume", "inspect", named).assertOk();
        assertNotEquals(0, docker("run", "--rm", "--volumes-from", "nosuch-" + containers.run(), "busybox", "true").exitCode());
    }

    @Test
    void bindMountsTmpfsAndMountFlags() throws Exception {
        Path host = tmp.resolve("host");
        Files.createDirectories(host);
        Files.writeString(host.resolve("in"), "from-host\n");
        String c = containers.name("binds");
        Path created = tmp.resolve("created/sub");
        docker("run", "--name", c, "-v", host + ":/h:ro,Z,rprivate", "-v", created + ":/c",
                "--mount", "type=tmpfs,dst=/scratch,tmpfs-size=1m,tmpfs-mode=1770", "--tmpfs", "/t2:size=64k",
                "busybox", "sh", "-c",
                "cat /h/in; echo out > /c/f; echo secret > /scratch/marker; echo s2 > /t2/m; touch /h/x 2>&1; "
                        + "stat -c %a /scratch; grep -E ' /(scratch|t2) ' /proc/mounts")
                .assertOk();
        String out = docker("logs", c).assertOk().out();
        assertTrue(out.contains("from-host"), out);
        assertTrue(out.contains("Read-only file system"), out);
        assertTrue(out.contains("1770"), out);
        assertTrue(out.contains("tmpfs /scratch tmpfs rw,nosuid,nodev,noexec,relatime,size=1024k,mode=1770"), out);
        assertTrue(out.contains("tmpfs /t2 tmpfs rw,nosuid,nodev,noexec,relatime,size=64k"), out);
        assertEquals("out\n", Files.readString(created.resolve("f")), "-v creates a missing host path");
        // a tmpfs holds nothing on disk: neither the container's layer nor anything else has the marker
        String upper = docker("inspect", "-f", "{{.GraphDriver.Data.UpperDir}}", c).assertOk().trimmed();
        assertFalse(Files.exists(Path.of(upper, "scratch", "marker")));
        assertFalse(Files.exists(Path.of(upper, "t2", "m")));
        assertTrue(Files.isDirectory(Path.of(upper)), upper);
        String mounts = docker("inspect", "-f", "{{range .Mounts}}{{.Type}}:{{.Destination}}:{{.Mode}}:{{.RW}}:{{.Propagation}} {{end}}", c)
                .assertOk().trimmed();
        assertTrue(mounts.contains("bind:/h:ro,Z,rprivate:false:rprivate"), mounts);
        assertTrue(mounts.contains("bind:/c::true:rprivate"), mounts);
        assertTrue(mounts.contains("tmpfs:/scratch::true:"), mounts);

        String m = containers.name("mountbind");
        docker("run", "--name", m, "--mount", "type=bind,src=" + host + ",dst=/h,readonly,bind-propagation=rslave",
                "busybox", "cat", "/h/in").assertOk();
        assertEquals("bind " + host + " false rslave", docker("inspect", "-f",
                "{{range .Mounts}}{{.Type}} {{.Source}} {{.RW}} {{.Propagation}}{{end}}", m).assertOk().trimmed());
        DockerCli.Result missing = docker("run", "--rm", "--mount", "type=bind,src=" + tmp.resolve("nope") + ",dst=/x",
                "busybox", "true");
        assertNotEquals(0, missing.exitCode());
        assertTrue(missing.err().contains("invalid mount config for type \"bind\": bind source path does not exist: "
                + tmp.resolve("nope")), missing.err());
        assertFalse(Files.exists(tmp.resolve("nope")));
        DockerCli.Result dup = docker("run", "--rm", "-v", host + ":/x", "--mount", "type=tmpfs,dst=/x", "busybox", "true");
        assertNotEquals(0, dup.exitCode());
        assertTrue(dup.err().contains("Duplicate mount point: /x"), dup.err());
        DockerCli.Result badMode = docker("run", "--rm", "-v", host + ":/x:rw,ro", "busybox", "true");
        assertNotEquals(0, badMode.exitCode());
        assertTrue(badMode.err().contains("invalid mode: rw,ro"), badMode.err());
    }

    @Test
    void newVolumeIsFilledFromTheImageUnlessNocopyAndImageVolumesAreAnonymous() throws Exception {
        String filled = volume("filled");
        assertTrue(docker("run", "--rm", "-v", filled + ":/etc", "busybox", "cat", "/etc/passwd").assertOk().out().contains("root:x:0:0"));
        String empty = volume("nocopy");
        assertFalse(docker("run", "--rm", "--mount", "type=volume,src=" + empty + ",dst=/etc,volume-nocopy",
                "busybox", "ls", "/etc").assertOk().out().contains("passwd"));
        // once filled, a volume is not filled again: what a container removed stays removed
        docker("run", "--rm", "-v", filled + ":/etc", "busybox", "rm", "/etc/passwd").assertOk();
        assertNotEquals(0, docker("run", "--rm", "-v", filled + ":/etc", "busybox", "ls", "/etc/passwd").exitCode());

        String image = "volimage-" + containers.run();
        try {
            dockerWithInput(TestImages.busyboxTar(), "import", "--change", "VOLUME /etc", "-", image).assertOk();
            Set<String> before = anonymousVolumes();
            String c = containers.name("imgvol");
            docker("run", "--name", c, image, "cat", "/etc/passwd").assertOk();
            String mount = docker("inspect", "-f", "{{range .Mounts}}{{.Type}} {{.Destination}} {{.Name}}{{end}}", c).assertOk().trimmed();
            assertTrue(mount.startsWith("volume /etc "), mount);
            assertEquals(before.size() + 1, anonymousVolumes().size());
            docker("rm", "-v", c).assertOk();
            assertEquals(before, anonymousVolumes());
        } finally {
            docker("rmi", image);
        }
    }

    @Test
    void volumeCreateLsFiltersInspectAndPrune() {
        String a = volume("lsa");
        String b = volume("lsb");
        String t = volume("lst");
        docker("volume", "create", "--label", "wharf.test=" + containers.run(), "--label", "k=v", a).assertOk();
        docker("volume", "create", "--label", "wharf.test=" + containers.run(), b).assertOk();
        docker("volume", "create", "-d", "local", "-o", "type=tmpfs", "-o", "device=tmpfs", "-o", "o=size=1m", t).assertOk();
        assertEquals(a, docker("volume", "create", "--label", "other=1", a).assertOk().trimmed(), "an existing name answers the volume");
        String inspect = docker("volume", "inspect", "-f",
                "{{.Name}} {{.Driver}} {{.Scope}} {{.Labels}} {{.Options}} {{.Mountpoint}} {{.CreatedAt}}", a).assertOk().trimmed();
        assertTrue(inspect.startsWith(a + " local local map[k:v wharf.test:" + containers.run() + "] map[] /"), inspect);
        assertTrue(inspect.contains("/volumes/" + a + "/_data 20"), inspect);
        assertEquals("map[device:tmpfs o:size=1m type:tmpfs]", docker("volume", "inspect", "-f", "{{.Options}}", t).assertOk().trimmed());
        // a tmpfs volume: data in memory, not in its directory
        String tc = containers.name("tmpfsvol");
        docker("run", "--name", tc, "-v", t + ":/m", "busybox", "sh", "-c", "echo x > /m/f; grep ' /m ' /proc/mounts").assertOk();
        assertTrue(docker("logs", tc).assertOk().out().contains("tmpfs /m tmpfs"), "a tmpfs volume is a tmpfs");
        String mountpoint = docker("volume", "inspect", "-f", "{{.Mountpoint}}", t).assertOk().trimmed();
        assertFalse(Files.exists(Path.of(mountpoint, "f")));

        String user = containers.name("user");
        docker("create", "--name", user, "-v", a + ":/a", "busybox", "true").assertOk();
        String label = "label=wharf.test=" + containers.run();
        assertEquals(Set.of(a, b), lines(docker("volume", "ls", "-q", "--filter", label)));
        assertEquals(Set.of(a), lines(docker("volume", "ls", "-q", "--filter", label, "--filter", "label=k")));
        assertEquals(Set.of(b), lines(docker("volume", "ls", "-q", "--filter", label, "--filter", "dangling=true")));
        assertEquals(Set.of(a), lines(docker("volume", "ls", "-q", "--filter", label, "--filter", "dangling=false")));
        assertEquals(Set.of(b), lines(docker("volume", "ls", "-q", "--filter", "name=lsb-" + containers.run())));
        assertEquals(Set.of(a, b), lines(docker("volume", "ls", "-q", "--filter", label, "--filter", "driver=local")));
        assertEquals(Set.of(), lines(docker("volume", "ls", "-q", "--filter", label, "--filter", "driver=other")));
        DockerCli.Result badFilter = docker("volume", "ls", "--filter", "colour=red");
        assertNotEquals(0, badFilter.exitCode());
        assertTrue(badFilter.err().contains("invalid filter 'colour'"), badFilter.err());

        // prune: named volumes only with -a, never one in use, label filters apply
        assertFalse(docker("volume", "prune", "-f", "--filter", label).assertOk().out().contains(b));
        DockerCli.Result pruned = docker("volume", "prune", "-a", "-f", "--filter", label);
        pruned.assertOk();
        assertTrue(pruned.out().contains("Deleted Volumes:\n" + b + "\n"), pruned.out());
        assertTrue(pruned.out().contains("Total reclaimed space:"), pruned.out());
        docker("volume", "inspect", a).assertOk();
        assertNotEquals(0, docker("volume", "inspect", b).exitCode());

        DockerCli.Result bad = docker("volume", "create", "bad/name");
        assertNotEquals(0, bad.exitCode());
        assertTrue(bad.err().contains("\"bad/name\" includes invalid characters for a local volume name, only "
                + "\"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host directory, use absolute path"), bad.err());
        DockerCli.Result dots = docker("run", "--rm", "-v", "a@b:/x", "busybox", "true");
        assertNotEquals(0, dots.exitCode());
        assertTrue(dots.err().contains("includes invalid characters for a local volume name"), dots.err());
        DockerCli.Result badOpt = docker("volume", "create", "-o", "colour=red", volume("badopt"));
        assertNotEquals(0, badOpt.exitCode());
        assertTrue(badOpt.err().contains("invalid option: \"colour\""), badOpt.err());
    }

    @Test
    void volumeEventsCarryMobysAttributes() {
        String v = volume("events");
        String since = Long.toString(System.currentTimeMillis() / 1000 - 1);
        docker("volume", "create", v).assertOk();
        String c = containers.name("evc");
        docker("run", "--name", c, "-v", v + ":/e:ro", "busybox", "true").assertOk();
        String id = docker("inspect", "-f", "{{.Id}}", c).assertOk().trimmed();
        docker("rm", c).assertOk();
        docker("volume", "rm", v).assertOk();
        String until = Long.toString(System.currentTimeMillis() / 1000 + 1);
        List<String> events = docker("events", "--since", since, "--until", until, "--filter", "volume=" + v,
                "--format", "{{.Type}} {{.Action}} {{.Actor.ID}} {{json .Actor.Attributes}}").assertOk().out().lines().toList();
        assertEquals(List.of(
                "volume create " + v + " {\"driver\":\"local\"}",
                "volume mount " + v + " {\"container\":\"" + id + "\",\"destination\":\"/e\",\"driver\":\"local\",\"propagation\":\"\",\"read/write\":\"false\"}",
                "volume unmount " + v + " {\"container\":\"" + id + "\",\"driver\":\"local\"}",
                "volume destroy " + v + " {\"driver\":\"local\"}"), events);
    }

    @Test
    void aVolumeInUseIsNeverRemovedEvenInARace() throws Exception {
        String v = volume("race");
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<Integer> remover = pool.submit(() -> {
                int removed = 0;
                while (running.get()) {
                    removed += docker("volume", "rm", v).exitCode() == 0 ? 1 : 0;
                }
                return removed;
            });
            List<Future<DockerCli.Result>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String marker = "run" + i;
                runs.add(pool.submit(() -> docker("run", "--rm", "-v", v + ":/d", "busybox", "sh", "-c",
                        "echo " + marker + " > /d/" + marker + " && cat /d/" + marker)));
            }
            for (int i = 0; i < runs.size(); i++) {
                // a volume removed between the container's create and its start would fail the mount or the write
                assertEquals("run" + i, runs.get(i).get(120, TimeUnit.SECONDS).assertOk().trimmed());
            }
            running.set(false);
            remover.get(60, TimeUnit.SECONDS);
        } finally {
            running.set(false);
            pool.shutdownNow();
        }
    }

    @Test
    void dockerCpReadsAndWritesTheVolumeNotTheLayerUnderIt() throws Exception {
        String v = volume("cp");
        String c = containers.name("cpc");
        docker("run", "-d", "--name", c, "-v", v + ":/data", "busybox", "sleep", "60").assertOk();
        Path in = tmp.resolve("in.txt");
        Files.writeString(in, "copied-in\n");
        docker("cp", in.toString(), c + ":/data/in.txt").assertOk();
        assertEquals("copied-in", docker("exec", c, "cat", "/data/in.txt").assertOk().trimmed());
        docker("exec", c, "sh", "-c", "echo made-inside > /data/out.txt").assertOk();
        docker("cp", c + ":/data/out.txt", tmp.resolve("out.txt").toString()).assertOk();
        assertEquals("made-inside\n", Files.readString(tmp.resolve("out.txt")));
        docker("cp", c + ":/data", tmp.resolve("whole").toString()).assertOk();
        assertEquals("copied-in\n", Files.readString(tmp.resolve("whole").resolve("in.txt")));
        docker("rm", "-f", c).assertOk();
        // a stopped container's volume too, and the volume keeps what was copied
        String stopped = containers.name("cps");
        docker("create", "--name", stopped, "-v", v + ":/data", "busybox", "true").assertOk();
        docker("cp", in.toString(), stopped + ":/data/again.txt").assertOk();
        assertEquals("copied-in\nmade-inside", docker("run", "--rm", "-v", v + ":/d", "busybox", "cat", "/d/again.txt",
                "/d/out.txt").assertOk().trimmed());
    }

    @Test
    void systemDfShowsVolumeSizesAndLinks() {
        String v = volume("df");
        String c = containers.name("dfc");
        docker("run", "--name", c, "-v", v + ":/d", "busybox", "sh", "-c", "head -c 1000 /dev/zero > /d/f").assertOk();
        String verbose = docker("system", "df", "-v").assertOk().out();
        assertTrue(verbose.lines().anyMatch(l -> l.matches(v + "\\s+1\\s+1kB")), verbose);
        assertTrue(verbose.contains("Local Volumes space usage:"), verbose);
        assertTrue(verbose.lines().anyMatch(l -> l.startsWith("Containers space usage:")), verbose);
        String summary = docker("system", "df", "--format", "{{.Type}} {{.TotalCount}}").assertOk().out();
        assertTrue(summary.lines().anyMatch(l -> l.startsWith("Local Volumes ")), summary);
    }

    private static Set<String> lines(DockerCli.Result r) {
        return new TreeSet<>(r.assertOk().out().lines().filter(l -> !l.isBlank()).toList());
    }
}

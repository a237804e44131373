package io.wharf.gateway.e2e;

import static io.wharf.gateway.e2e.DockerCli.docker;
import static io.wharf.gateway.e2e.DockerCli.dockerWithInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docker save / load (docker-archive and OCI layout), malicious archives, export | import, with the real CLI. */
class ImageArchiveIT {
    private final TestContainers containers = new TestContainers();
    private final TestImageNames images = new TestImageNames(containers.run());

    @TempDir
    Path tmp;

    @BeforeAll
    static void image() throws Exception {
        TestImages.ensureBusybox();
    }

    @AfterEach
    void cleanUp() {
        containers.removeAll();
        images.removeAll();
    }

    private String image(String base) {
        return images.name(base);
    }

    @Test
    void saveThenLoadRestoresTagsAndIdenticalContent() throws Exception {
        String repo = image("archive");
        String c = containers.name("archive-src");
        docker("run", "--name", c, "busybox", "sh", "-c", "echo saved > /srv-marker; rm /bin/vi").assertOk();
        docker("commit", c, repo + ":one").assertOk();
        docker("tag", repo + ":one", repo + ":two").assertOk();
        String id = inspect(repo + ":one", "{{.Id}}");
        Path first = tmp.resolve("first.tar");
        docker("save", "-o", first.toString(), repo).assertOk();
        List<String> entries = tar("-tf", first.toString()).lines().toList();
        assertTrue(entries.contains("manifest.json") && entries.contains("index.json") && entries.contains("oci-layout"),
                entries.toString());
        assertTrue(tar("-xOf", first.toString(), "manifest.json").contains("\"" + repo + ":one\""));

        containers.removeAll();
        docker("rmi", repo + ":one", repo + ":two").assertOk();
        assertNotEquals(0, docker("image", "inspect", repo + ":one").exitCode());

        String loaded = docker("load", "-i", first.toString()).assertOk().out();
        assertTrue(loaded.contains("Loaded image: " + repo + ":one"), loaded);
        assertTrue(loaded.contains("Loaded image: " + repo + ":two"), loaded);
        assertEquals(id, inspect(repo + ":two", "{{.Id}}"), "same config bytes, same id");
        assertEquals("saved", docker("run", "--rm", repo + ":one", "cat", "/srv-marker").assertOk().trimmed());
        assertNotEquals(0, docker("run", "--rm", repo + ":one", "ls", "/bin/vi").exitCode(), "whiteout kept");

        Path second = tmp.resolve("second.tar");
        docker("save", "-o", second.toString(), repo + ":one").assertOk();
        for (String entry : tar("-tf", second.toString()).lines().filter(e -> e.startsWith("blobs/")).toList()) {
            assertEquals(sha256(tarBytes(first, entry)), sha256(tarBytes(second, entry)), entry);
            assertEquals(entry.substring("blobs/sha256/".length()), sha256(tarBytes(second, entry)), entry);
        }

        String quiet = docker("load", "-q", "-i", first.toString()).assertOk().out();
        assertTrue(quiet.contains("Loaded image: " + repo + ":one"), quiet);
        Path byId = tmp.resolve("by-id.tar");
        docker("save", "-o", byId.toString(), id).assertOk();
        assertTrue(tar("-xOf", byId.toString(), "manifest.json").contains("\"RepoTags\":null"), "an id names no tag");
    }

    @Test
    void loadsAnOciLayoutWithAGzipLayer() throws Exception {
        String name = image("ocilayout");
        byte[] layer = Files.readAllBytes(TestImages.busyboxTar());
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(layer);
        }
        byte[] compressed = gz.toByteArray();
        byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Cmd\":[\"sh\"]},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"sha256:" + sha256(layer) + "\"]},"
                + "\"history\":[{\"created\":\"2024-01-02T03:04:05Z\",\"created_by\":\"oci layout test\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"sha256:"
                + sha256(config) + "\",\"size\":" + config.length + "},\"layers\":[{\"mediaType\":"
                + "\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"sha256:" + sha256(compressed)
                + "\",\"size\":" + compressed.length + "}]}").getBytes(StandardCharsets.UTF_8);
        byte[] index = ("{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"digest\":\"sha256:" + sha256(manifest) + "\",\"size\":" + manifest.length
                + ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"" + name + ":oci\"}}]}")
                .getBytes(StandardCharsets.UTF_8);
        Path layout = Files.createDirectories(tmp.resolve("layout/blobs/sha256"));
        for (byte[] blob : List.of(compressed, config, manifest)) {
            Files.write(layout.resolve(sha256(blob)), blob);
        }
        Files.writeString(tmp.resolve("layout/oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        Files.write(tmp.resolve("layout/index.json"), index);
        Path archive = tmp.resolve("oci.tar");
        run("tar", "-C", tmp.resolve("layout").toString(), "-cf", archive.toString(), "oci-layout", "index.json", "blobs");

        String out = docker("load", "-i", archive.toString()).assertOk().out();
        assertTrue(out.contains("Loaded image: " + name + ":oci"), out);
        assertEquals("sha256:" + sha256(config), inspect(name + ":oci", "{{.Id}}"));
        assertEquals("[sha256:" + sha256(layer) + "]", inspect(name + ":oci", "{{.RootFS.Layers}}"));
        assertEquals("oci", docker("run", "--rm", name + ":oci", "echo", "oci").assertOk().trimmed());
        assertTrue(docker("history", name + ":oci").assertOk().out().contains("oci layout test"));
    }

    @Test
    void maliciousOrTruncatedArchivesAreRefusedAndRegisterNothing() throws Exception {
        String before = docker("images", "-a", "-q", "--no-trunc").assertOk().out();
        String evil = "evil-" + containers.run();
        assertRefused(archiveWithLayer(evil, entry("/etc/evil", '0', "")), "is an absolute path");
        assertRefused(archiveWithLayer(evil, entry("a/../../evil", '0', "")), "escapes the layer root");
        assertRefused(archiveWithLayer(evil, entry("x", '1', "../../etc/passwd")), "escapes the layer root");
        assertRefused(archiveWithLayer(evil, entry("x", '2', "../../../etc")), "points outside the layer");
        byte[] good = archiveWithLayer(evil, entry("ok", '0', ""));
        Path truncated = tmp.resolve("truncated.tar");
        Files.write(truncated, java.util.Arrays.copyOf(good, good.length / 2));
        DockerCli.Result r = docker("load", "-i", truncated.toString());
        assertNotEquals(0, r.exitCode());
        assertTrue(r.err().contains("truncated archive"), r.err());
        assertEquals(before, docker("images", "-a", "-q", "--no-trunc").assertOk().out(), "nothing registered");
    }

    @Test
    void exportThenImportRoundTripsTheFileSystem() throws Exception {
        String c = containers.name("export-src");
        docker("run", "--name", c, "busybox", "sh", "-c",
                "mkdir -p /data/sub && echo one > /data/sub/f && ln -s sub/f /data/link && chmod 700 /data/sub; rm /bin/vi")
                .assertOk();
        Path first = tmp.resolve("first.tar");
        docker("export", "-o", first.toString(), c).assertOk();
        String imported = image("roundtrip");
        dockerWithInput(first, "import", "-", imported).assertOk();
        String c2 = containers.name("export-copy");
        docker("create", "--name", c2, imported, "true").assertOk();
        Path second = tmp.resolve("second.tar");
        docker("export", "-o", second.toString(), c2).assertOk();
        Path a = Files.createDirectories(tmp.resolve("a"));
        Path b = Files.createDirectories(tmp.resolve("b"));
        run("tar", "--numeric-owner", "-xpf", first.toString(), "-C", a.toString());
        run("tar", "--numeric-owner", "-xpf", second.toString(), "-C", b.toString());
        assertEquals("", run("diff", "-r", "--no-dereference", a.toString(), b.toString()), "same content");
        assertEquals(listing(first), listing(second), "same names, types, modes, owners and sizes");
    }

    private List<String> listing(Path tar) throws Exception {
        return run("tar", "--numeric-owner", "-tvf", tar.toString()).lines()
                .map(l -> l.replaceAll("\\s+\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}", "")) // container mount points get fresh times
                .sorted().toList();
    }

    private void assertRefused(byte[] archive, String message) throws IOException {
        Path file = Files.createTempFile(tmp, "evil", ".tar");
        Files.write(file, archive);
        DockerCli.Result r = docker("load", "-i", file.toString());
        assertNotEquals(0, r.exitCode(), r.out());
        assertTrue(r.err().contains(message), r.err());
    }

    private static String inspect(String ref, String format) {
        return docker("image", "inspect", "--format", format, ref).assertOk().trimmed();
    }

    /** A docker-archive with one image whose single layer holds the given raw tar entries. */
    private static byte[] archiveWithLayer(String name, byte[]... layerEntries) throws IOException {
        ByteArrayOutputStream layer = new ByteArrayOutputStream();
        for (byte[] e : layerEntries) {
            layer.write(e);
        }
        layer.write(new byte[1024]);
        byte[] layerBytes = layer.toByteArray();
        String config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{},\"rootfs\":{\"type\":\"layers\","
                + "\"diff_ids\":[\"sha256:" + sha256(layerBytes) + "\"]}}";
        String configName = sha256(config.getBytes(StandardCharsets.UTF_8)) + ".json";
        String manifest = "[{\"Config\":\"" + configName + "\",\"RepoTags\":[\"" + name + ":1\"],"
                + "\"Layers\":[\"l/layer.tar\"]}]";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(entry("l/layer.tar", '0', "", layerBytes));
        out.write(entry(configName, '0', "", config.getBytes(StandardCharsets.UTF_8)));
        out.write(entry("manifest.json", '0', "", manifest.getBytes(StandardCharsets.UTF_8)));
        out.write(new byte[1024]);
        return out.toByteArray();
    }

    private static byte[] entry(String name, char type, String link) {
        return entry(name, type, link, type == '0' ? new byte[] {'x'} : new byte[0]);
    }

    /** One ustar entry, header and padded data, written by hand so that no library refuses the bad names. */
    private static byte[] entry(String name, char type, String link, byte[] data) {
        byte[] h = new byte[512];
        put(h, 0, name);
        put(h, 100, "0000644");
        put(h, 108, "0000000");
        put(h, 116, "0000000");
        put(h, 124, String.format("%011o", data.length));
        put(h, 136, "00000000000");
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        h[156] = (byte) type;
        put(h, 157, link);
        put(h, 257, "ustar");
        h[263] = '0';
        h[264] = '0';
        long sum = 0;
        for (byte x : h) {
            sum += x & 0xff;
        }
        put(h, 148, String.format("%06o", sum));
        h[154] = 0;
        int padded = (data.length + 511) / 512 * 512;
        byte[] out = new byte[512 + padded];
        System.arraycopy(h, 0, out, 0, 512);
        System.arraycopy(data, 0, out, 512, data.length);
        return out;
    }

    private static void put(byte[] b, int off, String s) {
        byte[] v = s.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(v, 0, b, off, v.length);
    }

    private static byte[] tarBytes(Path tar, String entry) throws Exception {
        Process p = new ProcessBuilder("tar", "-xOf", tar.toString(), entry).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
        return out;
    }

    private static String tar(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("tar"));
        command.addAll(List.of(args));
        return run(command.toArray(String[]::new));
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        if (code != 0 && !command[0].equals("diff")) {
            throw new AssertionError(String.join(" ", command) + " exited " + code + ": " + out);
        }
        return out;
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.wharf.image.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wharf.common.tar.TarWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared TarWriter read back by TarReader: long names, links, sizes; truncation and unsafe names refused. */
class TarReaderTest {

    private static byte[] archive() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarWriter tar = new TarWriter(out)) {
            tar.header(TarWriter.Entry.directory("dir", 0));
            tar.file("dir/" + "n".repeat(150), "long".getBytes(StandardCharsets.UTF_8), 0);
            tar.file("a/".repeat(80) + "deep", "deeper".getBytes(StandardCharsets.UTF_8), 0);
            tar.header(new TarWriter.Entry("link", TarWriter.SYMLINK, 0777, 0, 0, 0, 0, "dir/target", 0, 0, Map.of()));
            tar.file("empty", new byte[0], 0);
        }
        return out.toByteArray();
    }

    @Test
    void readsWhatTheWriterWrote() throws IOException {
        TarReader reader = new TarReader(new ByteArrayInputStream(archive()));
        TarReader.Entry dir = reader.next();
        assertEquals("dir", dir.name());
        assertTrue(dir.isDirectory());
        TarReader.Entry longName = reader.next();
        assertEquals("dir/" + "n".repeat(150), longName.name());
        assertArrayEquals("long".getBytes(StandardCharsets.UTF_8), reader.content().readAllBytes());
        TarReader.Entry deep = reader.next();
        assertEquals("a/".repeat(80) + "deep", deep.name());
        // content not read: next() skips it
        TarReader.Entry link = reader.next();
        assertTrue(link.isSymlink());
        assertEquals("dir/target", link.linkName());
        assertEquals(0, reader.next().size());
        assertNull(reader.next());
    }

    @Test
    void gnuTarValidatorAcceptsTheWritersOutput() {
        assertDoesNotThrow(() -> new TarValidatingInputStream(new ByteArrayInputStream(archive())).readAllBytes());
    }

    @Test
    void refusesTruncatedArchives() throws IOException {
        byte[] whole = archive();
        TarReader reader = new TarReader(new ByteArrayInputStream(Arrays.copyOf(whole, 1200)));
        TarFormatException e = assertThrows(TarFormatException.class, () -> {
            while (reader.next() != null) {
                reader.content().readAllBytes();
            }
        });
        assertTrue(e.getMessage().contains("truncated archive"), e.getMessage());
    }

    @Test
    void symlinksMayNotClimbOutOfTheLayer() {
        assertDoesNotThrow(() -> TarPaths.checkSymlink("bin/sh", "busybox"));
        assertDoesNotThrow(() -> TarPaths.checkSymlink("usr/bin/x", "../../bin/busybox"));
        assertDoesNotThrow(() -> TarPaths.checkSymlink("etc/mtab", "/proc/mounts"));
        assertThrows(TarFormatException.class, () -> TarPaths.checkSymlink("usr/bin/x", "../../../etc"));
        assertThrows(TarFormatException.class, () -> TarPaths.checkSymlink("x", "../etc/passwd"));
    }
}

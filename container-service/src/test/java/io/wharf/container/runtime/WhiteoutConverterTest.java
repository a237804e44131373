package io.wharf.container.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WhiteoutConverterTest {

    /** Records the native operations instead of making device nodes and xattrs. */
    static final class RecordingOps implements WhiteoutOps {
        final List<Path> whiteouts = new ArrayList<>();
        final List<Path> opaque = new ArrayList<>();

        @Override
        public void makeWhiteout(Path path) {
            whiteouts.add(path);
        }

        @Override
        public void markOpaque(Path dir) {
            opaque.add(dir);
        }

        @Override
        public boolean isOpaque(Path dir) {
            return opaque.contains(dir);
        }
    }

    @Test
    void convertsMarkersAndRemovesThem(@TempDir Path layer) throws Exception {
        Files.createDirectories(layer.resolve("etc/conf.d"));
        Files.createDirectories(layer.resolve("var/cache"));
        Files.writeString(layer.resolve("etc/keep"), "x");
        Files.createFile(layer.resolve("etc/.wh.passwd-"));
        Files.createFile(layer.resolve("etc/conf.d/.wh.old.conf"));
        Files.createFile(layer.resolve("var/cache/.wh..wh..opq"));
        Files.createFile(layer.resolve(".wh.home"));

        RecordingOps ops = new RecordingOps();
        assertEquals(4, new WhiteoutConverter(ops).convert(layer));

        assertEquals(List.of(layer.resolve("var/cache")), ops.opaque);
        assertEquals(3, ops.whiteouts.size());
        assertTrue(ops.whiteouts.contains(layer.resolve("etc/passwd-")));
        assertTrue(ops.whiteouts.contains(layer.resolve("etc/conf.d/old.conf")));
        assertTrue(ops.whiteouts.contains(layer.resolve("home")));
        assertFalse(Files.exists(layer.resolve("etc/.wh.passwd-")));
        assertFalse(Files.exists(layer.resolve("var/cache/.wh..wh..opq")));
        assertTrue(Files.exists(layer.resolve("etc/keep")));
    }

    @Test
    void layerWithoutMarkersIsUntouched(@TempDir Path layer) throws Exception {
        Files.writeString(layer.resolve("file"), "x");
        RecordingOps ops = new RecordingOps();
        assertEquals(0, new WhiteoutConverter(ops).convert(layer));
        assertTrue(ops.whiteouts.isEmpty() && ops.opaque.isEmpty());
    }
}

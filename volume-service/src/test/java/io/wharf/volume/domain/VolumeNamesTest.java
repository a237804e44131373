package io.wharf.volume.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wharf.common.error.WharfException;
import io.wharf.volume.config.VolumeLayout;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VolumeNamesTest {

    @Test
    void namesAreOneSafePathComponent() {
        assertDoesNotThrow(() -> VolumeNames.validate("my_vol-1.x"));
        for (String bad : List.of("..", "a/b", "../x", "/abs", "-x", "a b", "x\u00e9")) {
            WharfException e = assertThrows(WharfException.class, () -> VolumeNames.validate(bad), bad);
            assertTrue(e.getMessage().contains("includes invalid characters for a local volume name"), e.getMessage());
        }
        assertEquals("create x: volume name is too short, names should be at least two alphanumeric characters",
                assertThrows(WharfException.class, () -> VolumeNames.validate("x")).getMessage());
        assertEquals(64, VolumeNames.anonymous().length());
    }

    @Test
    void layoutNeverLeavesTheVolumesRoot() {
        VolumeLayout layout = new VolumeLayout(Path.of("/data/volumes"), List.of());
        assertEquals(Path.of("/data/volumes/v1/_data"), layout.dataDir("v1"));
        assertThrows(WharfException.class, () -> layout.dataDir(".."));
        assertThrows(WharfException.class, () -> layout.dataDir("a/../../etc"));
    }

    @Test
    void localOptions() {
        assertDoesNotThrow(() -> LocalOptions.validate("v", Map.of("type", "tmpfs", "device", "tmpfs", "o", "size=1m")));
        assertDoesNotThrow(() -> LocalOptions.validate("v", Map.of("type", "none", "device", "/srv", "o", "bind")));
        assertEquals("create v: invalid option: \"colour\"", assertThrows(WharfException.class,
                () -> LocalOptions.validate("v", Map.of("colour", "red"))).getMessage());
        assertEquals("create v: missing required option: \"device\"", assertThrows(WharfException.class,
                () -> LocalOptions.validate("v", Map.of("type", "tmpfs"))).getMessage());
    }
}

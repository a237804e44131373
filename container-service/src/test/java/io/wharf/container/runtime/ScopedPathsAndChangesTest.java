package io.wharf.container.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScopedPathsAndChangesTest {
    @TempDir
    Path tmp;

    @Test
    void symlinksAndDotDotStayInsideTheRoot() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Files.createDirectories(root.resolve("etc/sub"));
        Files.createSymbolicLink(root.resolve("abs"), Path.of("/"));
        Files.createSymbolicLink(root.resolve("up"), Path.of("../../../.."));
        Files.createSymbolicLink(root.resolve("etclink"), Path.of("/etc"));
        Files.createSymbolicLink(root.resolve("loop"), Path.of("loop"));

        assertEquals(root, ScopedPaths.resolve(root, "/abs"));
        assertEquals(root, ScopedPaths.resolve(root, "/up"));
        assertEquals(root.resolve("x"), ScopedPaths.resolve(root, "/../../x"));
        assertEquals(root.resolve("etc/sub"), ScopedPaths.resolve(root, "/etclink/sub"));
        assertEquals(root.resolve("etc/sub/f"), ScopedPaths.resolve(root, "/abs/up/etclink/sub/f"));
        assertEquals(root.resolve("etclink"), ScopedPaths.resolveParent(root, "/etclink"));
        assertEquals(root.resolve("etc/sub"), ScopedPaths.resolveParent(root, "/etclink/sub"));
        try {
            ScopedPaths.resolve(root, "/loop");
            throw new AssertionError("a link loop must be refused");
        } catch (io.wharf.common.error.WharfException expected) {
            assertTrue(expected.getMessage().contains("too many links"));
        }
    }

    @Test
    void changesAreAddedModifiedAndParentsOfAdditions() throws Exception {
        Path lower = Files.createDirectories(tmp.resolve("lower"));
        Path upper = Files.createDirectories(tmp.resolve("upper"));
        Files.createDirectories(lower.resolve("bin"));
        Files.writeString(lower.resolve("bin/sh"), "sh");
        Files.createDirectories(lower.resolve("etc"));
        Files.createDirectories(upper.resolve("bin"));
        Files.setLastModifiedTime(upper.resolve("bin"), Files.getLastModifiedTime(lower.resolve("bin")));
        Files.writeString(upper.resolve("bin/sh"), "patched");
        Files.writeString(upper.resolve("bin/new"), "new");
        Files.createDirectories(upper.resolve("etc"));
        Files.writeString(upper.resolve("etc/hosts"), "");
        Files.setLastModifiedTime(upper.resolve("etc"), FileTime.fromMillis(0));

        List<LayerChanges.Change> changes = LayerChanges.changes(upper, List.of(lower));
        assertTrue(changes.contains(new LayerChanges.Change("/bin/sh", LayerChanges.MODIFIED)), changes.toString());
        assertTrue(changes.contains(new LayerChanges.Change("/bin/new", LayerChanges.ADDED)), changes.toString());
        assertTrue(changes.contains(new LayerChanges.Change("/bin", LayerChanges.MODIFIED)), changes.toString());
        assertEquals(3, changes.size(), "runtime mount points and unchanged dirs are not changes: " + changes);
    }
}

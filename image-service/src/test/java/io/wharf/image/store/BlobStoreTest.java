package io.wharf.image.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wharf.common.error.ErrorKind;
import io.wharf.common.error.WharfException;
import io.wharf.image.domain.Digest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobStoreTest {
    private static final byte[] CONTENT = "hello, layer".getBytes(StandardCharsets.UTF_8);
    private static final Digest DIGEST = Digest.of(CONTENT);

    @TempDir
    Path root;

    private BlobStore store() {
        return new BlobStore(root.resolve("blobs/sha256"));
    }

    private List<Path> files() throws IOException {
        Path dir = root.resolve("blobs/sha256");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void storesByDigestAndReadsBack() throws IOException {
        BlobStore store = store();
        StagedBlob stored = store.put(new ByteArrayInputStream(CONTENT), null);
        assertEquals(DIGEST, stored.digest());
        assertEquals(CONTENT.length, stored.size());
        assertEquals(root.resolve("blobs/sha256/" + DIGEST.hex()), stored.file());
        assertTrue(store.exists(DIGEST));
        assertEquals(CONTENT.length, store.size(DIGEST));
        try (InputStream in = store.open(DIGEST)) {
            assertArrayEquals(CONTENT, in.readAllBytes());
        }
        assertEquals(List.of(DIGEST), store.list());
    }

    @Test
    void storesTheSameContentOnce() throws IOException {
        BlobStore store = store();
        StagedBlob first = store.stage(new ByteArrayInputStream(CONTENT), DIGEST);
        StagedBlob second = store.stage(new ByteArrayInputStream(CONTENT), DIGEST);
        assertTrue(store.commit(first));
        assertFalse(store.commit(second));
        assertEquals(1, files().size());
    }

    @Test
    void aDigestMismatchLeavesNothing() throws IOException {
        BlobStore store = store();
        Digest wrong = Digest.of("other".getBytes(StandardCharsets.UTF_8));
        WharfException e = assertThrows(WharfException.class, () -> store.stage(new ByteArrayInputStream(CONTENT), wrong));
        assertEquals(ErrorKind.INVALID_PARAMETER, e.kind());
        assertTrue(e.getMessage().contains("digest mismatch"));
        assertEquals(List.of(), files());
        assertFalse(store.exists(wrong));
        assertFalse(store.exists(DIGEST));
    }

    @Test
    void aFailingSourceLeavesNothing() {
        BlobStore store = store();
        InputStream failing = new InputStream() {
            private int n;

            @Override
            public int read() throws IOException {
                if (n++ > 1000) {
                    throw new IOException("connection reset");
                }
                return 'x';
            }
        };
        assertThrows(IOException.class, () -> store.stage(failing, null));
        assertDoesNotLeaveFiles();
    }

    private void assertDoesNotLeaveFiles() {
        try {
            assertEquals(List.of(), files());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void stagedContentIsInvisibleUntilCommittedAndDiscardable() throws IOException {
        BlobStore store = store();
        StagedBlob staged = store.stage(new ByteArrayInputStream(CONTENT), null);
        assertFalse(store.exists(DIGEST));
        assertEquals(List.of(), store.list());
        store.discard(staged);
        assertDoesNotLeaveFiles();
    }

    @Test
    void missingBlobsAreNotFound() {
        BlobStore store = store();
        assertEquals(ErrorKind.NOT_FOUND, assertThrows(WharfException.class, () -> store.open(DIGEST)).kind());
        assertEquals(ErrorKind.NOT_FOUND, assertThrows(WharfException.class, () -> store.size(DIGEST)).kind());
        assertTrue(store.find(DIGEST).isEmpty());
    }

    @Test
    void deletesAndRemovesTemporaries() throws IOException {
        BlobStore store = store();
        store.put(new ByteArrayInputStream(CONTENT), null);
        store.stage(new ByteArrayInputStream("partial".getBytes(StandardCharsets.UTF_8)), null);
        assertEquals(1, store.removeTemporaries());
        assertTrue(store.delete(DIGEST));
        assertFalse(store.delete(DIGEST));
        assertDoesNotLeaveFiles();
    }

    @Test
    void digestsFromOutsideAreValidated() {
        assertThrows(WharfException.class, () -> Digest.parse("sha256:../../etc/passwd"));
        assertThrows(WharfException.class, () -> Digest.parse("sha256:" + "A".repeat(64)));
        assertThrows(WharfException.class, () -> Digest.parse("sha512:" + "a".repeat(64)));
        assertThrows(WharfException.class, () -> Digest.parse(null));
        assertEquals("a".repeat(64), Digest.parse("sha256:" + "a".repeat(64)).hex());
    }
}

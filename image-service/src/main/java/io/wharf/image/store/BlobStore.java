package io.wharf.image.store;

import io.wharf.common.error.WharfException;
import io.wharf.image.config.DataPaths;
import io.wharf.image.domain.Digest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The content store: immutable blobs named by their sha256 under
 * {@code <data-root>/image-service/blobs/sha256/<hex>}. Content is streamed to a temporary file in
 * the same directory while it is hashed, synced, verified, then renamed into place atomically, so
 * a blob is either complete or absent. Storing the same content twice keeps one copy.
 */
@ApplicationScoped
public class BlobStore {
    private static final String TEMP_PREFIX = ".tmp-";
    private static final int BUFFER = 256 * 1024;

    private final Path dir;

    @Inject
    public BlobStore(DataPaths paths) {
        this(paths.blobDir());
    }

    public BlobStore(Path dir) {
        this.dir = dir;
    }

    /** Writes content to a temporary file while hashing it; verifies {@code expected} when given. */
    public StagedBlob stage(InputStream content, Digest expected) throws IOException {
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, TEMP_PREFIX, ".partial");
        MessageDigest sha = Digest.sha256();
        long size = 0;
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[BUFFER];
            ByteBuffer wrapper = ByteBuffer.wrap(buffer);
            int n;
            while ((n = content.read(buffer)) >= 0) {
                sha.update(buffer, 0, n);
                wrapper.clear().limit(n);
                while (wrapper.hasRemaining()) {
                    out.write(wrapper);
                }
                size += n;
            }
            out.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Digest actual = new Digest(HexFormat.of().formatHex(sha.digest()));
        if (expected != null && !expected.equals(actual)) {
            Files.deleteIfExists(temp);
            throw WharfException.invalid("digest mismatch: expected " + expected + ", content is " + actual);
        }
        return new StagedBlob(actual, size, temp);
    }

    /** Makes staged content visible under its digest; false (and the copy dropped) if it was already there. */
    public boolean commit(StagedBlob staged) throws IOException {
        Path target = path(staged.digest());
        if (Files.exists(target)) {
            Files.deleteIfExists(staged.file());
            return false;
        }
        try {
            Files.move(staged.file(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(staged.file());
            return false;
        }
        syncDirectory();
        return true;
    }

    public void discard(StagedBlob staged) {
        try {
            Files.deleteIfExists(staged.file());
        } catch (IOException e) {
            // a stale temporary is removed at the next start
        }
    }

    /** Stages and commits in one step. */
    public StagedBlob put(InputStream content, Digest expected) throws IOException {
        StagedBlob staged = stage(content, expected);
        commit(staged);
        return new StagedBlob(staged.digest(), staged.size(), path(staged.digest()));
    }

    public boolean exists(Digest digest) {
        return Files.isRegularFile(path(digest));
    }

    /** The blob's file, if stored. Readers hold it open; a concurrent delete does not cut them off. */
    public Optional<Path> find(Digest digest) {
        Path path = path(digest);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    public long size(Digest digest) throws IOException {
        try {
            return Files.size(path(digest));
        } catch (NoSuchFileException e) {
            throw WharfException.notFound("blob unknown: " + digest);
        }
    }

    public InputStream open(Digest digest) throws IOException {
        try {
            return Files.newInputStream(path(digest));
        } catch (NoSuchFileException e) {
            throw WharfException.notFound("blob unknown: " + digest);
        }
    }

    public boolean delete(Digest digest) throws IOException {
        return Files.deleteIfExists(path(digest));
    }

    /** Every stored digest. */
    public List<Digest> list() throws IOException {
        List<Digest> digests = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return digests;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (Digest.isHex64(name)) {
                    digests.add(new Digest(name));
                }
            }
        }
        return digests;
    }

    /** Removes temporaries a crash left behind; call only when no write is in progress. */
    public int removeTemporaries() throws IOException {
        int removed = 0;
        if (!Files.isDirectory(dir)) {
            return removed;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, TEMP_PREFIX + "*")) {
            for (Path entry : entries) {
                Files.deleteIfExists(entry);
                removed++;
            }
        }
        return removed;
    }

    private Path path(Digest digest) {
        return dir.resolve(digest.hex());
    }

    private void syncDirectory() throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}

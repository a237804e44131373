package io.wharf.container.service;

import io.wharf.common.error.WharfException;
import io.wharf.container.client.BlobFetcher;
import io.wharf.container.config.HostLayout;
import io.wharf.container.domain.LayerRef;
import io.wharf.container.runtime.FileTrees;
import io.wharf.container.runtime.LayerUnpacker;
import io.wharf.container.runtime.WhiteoutConverter;
import io.wharf.container.runtime.WhiteoutOps;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import org.jboss.logging.Logger;

/**
 * The snapshot store: each layer unpacked once into {@code snapshots/<diffId>/fs}, whiteouts converted
 * for overlayfs, verified against both its digest and its diff id, and renamed into place atomically.
 */
@ApplicationScoped
public class SnapshotService {
    private static final Logger LOG = Logger.getLogger(SnapshotService.class);

    private final HostLayout layout;
    private final BlobFetcher blobs;
    private final LayerUnpacker unpacker;
    private final WhiteoutConverter whiteouts;
    private final ConcurrentHashMap<String, Object> layerLocks = new ConcurrentHashMap<>();

    public SnapshotService(HostLayout layout, BlobFetcher blobs, LayerUnpacker unpacker, WhiteoutOps whiteoutOps) {
        this.layout = layout;
        this.blobs = blobs;
        this.unpacker = unpacker;
        this.whiteouts = new WhiteoutConverter(whiteoutOps);
    }

    /** Makes sure every layer is unpacked; returns their diff ids (hex), bottom first. */
    public List<String> ensure(List<LayerRef> layers) {
        List<String> ids = new ArrayList<>(layers.size());
        for (LayerRef layer : layers) {
            ensure(layer);
            ids.add(layer.diffIdHex());
        }
        return ids;
    }

    public Path layerDir(String diffIdHex) {
        return layout.snapshotsDir().resolve(diffIdHex).resolve("fs");
    }

    private void ensure(LayerRef layer) {
        String hex = layer.diffIdHex();
        if (!hex.matches("[0-9a-f]{64}") || !LayerRef.hex(layer.digest()).matches("[0-9a-f]{64}")) {
            throw WharfException.system("unexpected layer digest " + layer.digest() + " / " + layer.diffId(), null);
        }
        Path fs = layerDir(hex);
        if (Files.isDirectory(fs)) {
            return;
        }
        synchronized (layerLocks.computeIfAbsent(hex, k -> new Object())) {
            if (Files.isDirectory(fs)) {
                return;
            }
            long started = System.nanoTime();
            unpack(layer, fs);
            LOG.infof("unpacked layer %s in %d ms", layer.diffId(), (System.nanoTime() - started) / 1_000_000);
        }
    }

    private void unpack(LayerRef layer, Path fs) {
        Path work = null;
        try {
            Files.createDirectories(layout.tmpDir());
            work = Files.createTempDirectory(layout.tmpDir(), "layer-");
            Path blob = work.resolve("blob");
            blobs.fetch(layer.digest(), blob);
            String digest = "sha256:" + sha256(blob);
            if (!digest.equals(layer.digest())) {
                throw WharfException.system("layer blob digest mismatch: expected " + layer.digest() + ", got " + digest,
                        null);
            }
            Path target = work.resolve("fs");
            Files.createDirectory(target);
            MessageDigest diff = MessageDigest.getInstance("SHA-256");
            try (InputStream raw = new BufferedInputStream(Files.newInputStream(blob));
                    InputStream tar = new DigestInputStream(decompress(raw), diff)) {
                unpacker.unpack(tar, target);
            }
            String diffId = "sha256:" + HexFormat.of().formatHex(diff.digest());
            if (!diffId.equals(layer.diffId())) {
                throw WharfException.system("layer diff id mismatch: expected " + layer.diffId() + ", got " + diffId,
                        null);
            }
            whiteouts.convert(target);
            Files.createDirectories(fs.getParent());
            Files.move(target, fs, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw WharfException.system("cannot unpack layer " + layer.digest() + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw WharfException.system("SHA-256 unavailable", e);
        } finally {
            if (work != null) {
                try {
                    FileTrees.deleteRecursively(work);
                } catch (IOException e) {
                    LOG.warnf("cannot remove %s: %s", work, e.getMessage());
                }
            }
        }
    }

    /** gzip by its magic number rather than the media type, which registries get wrong. */
    private static InputStream decompress(InputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in, 64 * 1024) : in;
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }
}

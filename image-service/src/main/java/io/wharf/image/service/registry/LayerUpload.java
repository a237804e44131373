package io.wharf.image.service.registry;

import io.quarkus.runtime.StartupEvent;
import io.wharf.common.error.ErrorKind;
import io.wharf.common.error.WharfException;
import io.wharf.image.client.registry.RegistryClient;
import io.wharf.image.client.registry.RegistrySession;
import io.wharf.image.config.DataPaths;
import io.wharf.image.domain.Digest;
import io.wharf.image.domain.MediaTypes;
import io.wharf.image.domain.Reference;
import io.wharf.image.domain.registry.Descriptor;
import io.wharf.image.domain.registry.ProgressMessage;
import io.wharf.image.store.BlobStore;
import io.wharf.image.store.ImageLayer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/**
 * One layer of a push. A layer kept compressed (as pulled) goes as is; an uncompressed one (imported,
 * committed) is gzipped first, and the gzip digest remembered so the next push of that layer asks the
 * registry before compressing again. The registry is asked first (HEAD: "Layer already exists"), then
 * a cross-repository mount is tried when another repository of the registry is known to hold the blob
 * ("Mounted from"), else the blob is streamed in a PATCH with "Pushing" progress and the upload
 * completed with its digest ("Pushed").
 */
@ApplicationScoped
public class LayerUpload {
    private final RegistryClient registry;
    private final BlobStore blobs;
    private final PushRecords records;
    private final LayerTransfers transfers;
    private final Path workDir;

    public LayerUpload(RegistryClient registry, BlobStore blobs, PushRecords records, LayerTransfers transfers,
            DataPaths paths) {
        this.registry = registry;
        this.blobs = blobs;
        this.records = records;
        this.transfers = transfers;
        this.workDir = paths.serviceDir().resolve("push-tmp");
    }

    void clean(@Observes StartupEvent event) throws IOException {
        if (Files.isDirectory(workDir)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(workDir)) {
                for (Path file : files) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    public Descriptor push(RegistrySession session, Reference ref, ImageLayer layer, ProgressSink out)
            throws IOException, InterruptedException {
        String id = Digest.parse(layer.diffId).shortId();
        if (!transfers.uploads().tryAcquire()) {
            out.send(ProgressMessage.status(id, "Waiting"));
            transfers.uploads().acquire();
        }
        Path gzip = null;
        try {
            if (!layer.digest.equals(layer.diffId)) {
                Descriptor blob = Descriptor.of(layer.mediaType, Digest.parse(layer.digest), layer.size);
                send(session, ref, blob, id, () -> open(blob.digest()), out);
                return blob;
            }
            Optional<PushRecords.Compressed> known = records.compressed(layer.diffId);
            if (known.isPresent() && registry.blobExists(session, ref.path(), known.get().digest())) {
                out.send(ProgressMessage.status(id, "Layer already exists"));
                return Descriptor.of(MediaTypes.LAYER_TAR_GZIP, known.get().digest(), known.get().size());
            }
            Files.createDirectories(workDir);
            gzip = Files.createTempFile(workDir, "layer-", ".gz");
            Descriptor blob = compress(Digest.parse(layer.digest), gzip);
            records.rememberCompressed(layer.diffId, blob.digest(), blob.size());
            Path file = gzip;
            send(session, ref, blob, id, () -> openFile(file), out);
            return blob;
        } finally {
            transfers.uploads().release();
            if (gzip != null) {
                Files.deleteIfExists(gzip);
            }
        }
    }

    /** The image config: HEAD, else one monolithic upload. */
    public void pushConfig(RegistrySession session, Reference ref, Digest digest, byte[] config) {
        if (registry.blobExists(session, ref.path(), digest)) {
            return;
        }
        URI location = registry.startUpload(session, ref.path(), digest, null).orElseThrow();
        registry.completeUpload(session, location, digest, config);
    }

    private void send(RegistrySession session, Reference ref, Descriptor blob, String id,
            Supplier<InputStream> content, ProgressSink out) {
        if (registry.blobExists(session, ref.path(), blob.digest())) {
            out.send(ProgressMessage.status(id, "Layer already exists"));
            remember(blob.digest(), ref);
            return;
        }
        Optional<String> mountFrom = records.mountSource(blob.digest(), ref.domain(), ref.path());
        Optional<URI> location = registry.startUpload(session, ref.path(), blob.digest(), mountFrom.orElse(null));
        if (location.isEmpty()) {
            out.send(ProgressMessage.status(id, "Mounted from " + mountFrom.get()));
            remember(blob.digest(), ref);
            return;
        }
        URI next;
        try {
            next = registry.uploadChunk(session, location.get(), () -> new ProgressCounter(content.get(), out, id,
                    "Pushing", blob.size()));
            registry.completeUpload(session, next, blob.digest(), null);
        } catch (RuntimeException e) {
            registry.cancelUpload(session, location.get());
            throw e;
        }
        out.send(ProgressMessage.status(id, "Pushed"));
        remember(blob.digest(), ref);
    }

    private void remember(Digest digest, Reference ref) {
        try {
            records.rememberLocation(digest, ref.name());
        } catch (RuntimeException e) {
            // a concurrent push recorded it
        }
    }

    private Descriptor compress(Digest layer, Path target) throws IOException {
        MessageDigest sha = Digest.sha256();
        try (InputStream in = blobs.open(layer);
                OutputStream file = Files.newOutputStream(target);
                DigestOutputStream hashed = new DigestOutputStream(file, sha);
                GZIPOutputStream gz = new GZIPOutputStream(hashed, 64 * 1024)) {
            in.transferTo(gz);
        }
        return Descriptor.of(MediaTypes.LAYER_TAR_GZIP, new Digest(HexFormat.of().formatHex(sha.digest())),
                Files.size(target));
    }

    private InputStream open(Digest digest) {
        try {
            return blobs.open(digest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream openFile(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new WharfException(ErrorKind.SYSTEM, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}

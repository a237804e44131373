package io.wharf.image.service.registry;

import io.wharf.common.error.ErrorKind;
import io.wharf.common.error.WharfException;
import io.wharf.image.client.registry.RegistryClient;
import io.wharf.image.client.registry.RegistrySession;
import io.wharf.image.domain.registry.ProgressMessage;
import io.wharf.image.store.BlobStore;
import io.wharf.image.store.StagedBlob;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The download half of one pull: layers already in the content store say "Already exists"; the
 * others "Pulling fs layer", then (when all slots are busy) "Waiting", "Downloading" with progress,
 * "Verifying Checksum", "Download complete". Each blob is staged as it arrives and must hash to its
 * digest; the first failure cancels the rest and discards what they staged.
 */
final class LayerDownload {
    private final RegistryClient registry;
    private final RegistrySession session;
    private final String repository;
    private final BlobStore blobs;
    private final LayerTransfers transfers;
    private final ProgressSink out;

    LayerDownload(RegistryClient registry, RegistrySession session, String repository, BlobStore blobs,
            LayerTransfers transfers, ProgressSink out) {
        this.registry = registry;
        this.session = session;
        this.repository = repository;
        this.blobs = blobs;
        this.transfers = transfers;
        this.out = out;
    }

    void run(List<PullService.LayerPull> layers) throws IOException {
        List<PullService.LayerPull> missing = new ArrayList<>();
        for (PullService.LayerPull layer : layers) {
            if (blobs.exists(layer.descriptor.digest())) {
                out.send(ProgressMessage.status(layer.id(), "Already exists"));
            } else if (missing.stream().noneMatch(m -> m.descriptor.digest().equals(layer.descriptor.digest()))) {
                missing.add(layer);
                out.send(ProgressMessage.status(layer.id(), "Pulling fs layer"));
            }
        }
        List<Future<StagedBlob>> futures = new ArrayList<>();
        for (PullService.LayerPull layer : missing) {
            futures.add(transfers.threads().submit(() -> download(layer)));
        }
        Throwable failure = null;
        for (int i = 0; i < futures.size(); i++) {
            try {
                missing.get(i).staged = futures.get(i).get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause();
                    futures.forEach(f -> f.cancel(true));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e;
                futures.forEach(f -> f.cancel(true));
            }
        }
        // a layer listed twice shares the staged blob of its first occurrence
        for (PullService.LayerPull layer : layers) {
            if (layer.staged == null && !blobs.exists(layer.descriptor.digest())) {
                missing.stream().filter(m -> m.descriptor.digest().equals(layer.descriptor.digest())).findFirst()
                        .ifPresent(m -> {
                            layer.staged = m.staged;
                            layer.uncompressedSize = m.diffId.equals(layer.diffId) ? m.uncompressedSize : -1;
                        });
            }
        }
        if (failure != null) {
            missing.forEach(l -> {
                if (l.staged != null) {
                    blobs.discard(l.staged);
                }
            });
            if (failure instanceof WharfException w) {
                throw w;
            }
            if (failure instanceof IOException io) {
                throw io;
            }
            throw new WharfException(ErrorKind.SYSTEM, String.valueOf(failure.getMessage()), failure);
        }
    }

    /** Verifies the diff id and always reads the pipe to its end, so the downloading side never blocks on it. */
    private static long verifyDraining(PipedInputStream in, PullService.LayerPull layer) throws IOException {
        try {
            return LayerVerifier.verify(new java.io.FilterInputStream(in) {
                @Override
                public void close() {
                    // the pipe is drained and closed below
                }
            }, layer.diffId);
        } finally {
            in.transferTo(OutputStream.nullOutputStream());
            in.close();
        }
    }

    private StagedBlob download(PullService.LayerPull layer) throws IOException, InterruptedException {
        if (!transfers.downloads().tryAcquire()) {
            out.send(ProgressMessage.status(layer.id(), "Waiting"));
            transfers.downloads().acquire();
        }
        try {
            HttpResponse<InputStream> response = registry.blob(session, repository, layer.descriptor.digest());
            StagedBlob staged;
            // the uncompressed content is checked against its diff id while the blob arrives, on a thread of its own
            PipedOutputStream toVerifier = new PipedOutputStream();
            PipedInputStream verifierInput = new PipedInputStream(toVerifier, 1 << 20);
            Future<Long> uncompressed = transfers.threads().submit(() -> verifyDraining(verifierInput, layer));
            try (InputStream body = new TeeInputStream(new ProgressCounter(new BoundedInputStream(response.body(),
                    layer.descriptor.size()), out, layer.id(), "Downloading", layer.descriptor.size()), toVerifier)) {
                staged = blobs.stage(body, null);
            } catch (IOException e) {
                throw new IOException("failed to download layer " + layer.descriptor.digest() + ": "
                        + (e.getMessage() == null ? "unexpected EOF" : e.getMessage()), e);
            } finally {
                toVerifier.close();
            }
            out.send(ProgressMessage.status(layer.id(), "Verifying Checksum"));
            if (!staged.digest().equals(layer.descriptor.digest()) || staged.size() != layer.descriptor.size()) {
                blobs.discard(staged);
                throw new WharfException(ErrorKind.SYSTEM, "filesystem layer verification failed for digest "
                        + layer.descriptor.digest());
            }
            try {
                layer.uncompressedSize = uncompressed.get();
            } catch (ExecutionException e) {
                blobs.discard(staged);
                if (e.getCause() instanceof WharfException w) {
                    throw w;
                }
                throw new IOException("failed to register layer: " + e.getCause().getMessage(), e.getCause());
            }
            out.send(ProgressMessage.status(layer.id(), "Download complete"));
            return staged;
        } finally {
            transfers.downloads().release();
        }
    }
}

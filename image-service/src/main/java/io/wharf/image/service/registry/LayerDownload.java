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
                        .ifPresent(m -> layer.staged = m.staged);
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

    private StagedBlob download(PullService.LayerPull layer) throws IOException, InterruptedException {
        if (!transfers.downloads().tryAcquire()) {
            out.send(ProgressMessage.status(layer.id(), "Waiting"));
            transfers.downloads().acquire();
        }
        try {
            HttpResponse<InputStream> response = registry.blob(session, repository, layer.descriptor.digest());
            StagedBlob staged;
            try (InputStream body = new ProgressCounter(new BoundedInputStream(response.body(), layer.descriptor.size()),
                    out, layer.id(), "Downloading", layer.descriptor.size())) {
                staged = blobs.stage(body, null);
            } catch (IOException e) {
                throw new IOException("failed to download layer " + layer.descriptor.digest() + ": "
                        + (e.getMessage() == null ? "unexpected EOF" : e.getMessage()), e);
            }
            out.send(ProgressMessage.status(layer.id(), "Verifying Checksum"));
            if (!staged.digest().equals(layer.descriptor.digest()) || staged.size() != layer.descriptor.size()) {
                blobs.discard(staged);
                throw new WharfException(ErrorKind.SYSTEM, "filesystem layer verification failed for digest "
                        + layer.descriptor.digest());
            }
            out.send(ProgressMessage.status(layer.id(), "Download complete"));
            return staged;
        } finally {
            transfers.downloads().release();
        }
    }
}

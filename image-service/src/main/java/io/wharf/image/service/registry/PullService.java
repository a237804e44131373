package io.wharf.image.service.registry;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.wharf.common.error.ErrorKind;
import io.wharf.common.error.WharfException;
import io.wharf.image.client.registry.FetchedManifest;
import io.wharf.image.client.registry.RegistryClient;
import io.wharf.image.client.registry.RegistryException;
import io.wharf.image.client.registry.RegistrySession;
import io.wharf.image.domain.Digest;
import io.wharf.image.domain.ImageConfig;
import io.wharf.image.domain.ImageConfigJson;
import io.wharf.image.domain.Reference;
import io.wharf.image.domain.Rfc3339;
import io.wharf.image.domain.registry.AuthConfig;
import io.wharf.image.domain.registry.Descriptor;
import io.wharf.image.domain.registry.Manifest;
import io.wharf.image.domain.registry.ManifestFormatException;
import io.wharf.image.domain.registry.PlatformMatcher;
import io.wharf.image.domain.registry.ProgressMessage;
import io.wharf.image.service.BlobPublisher;
import io.wharf.image.store.BlobStore;
import io.wharf.image.store.ImageEntity;
import io.wharf.image.store.ImageLayer;
import io.wharf.image.store.StagedBlob;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * {@code docker pull} over the Registry HTTP API v2, as dockerd does it: the manifest (an index resolves
 * to linux/amd64), the config, the layers downloaded in parallel and verified by digest, each layer's
 * uncompressed content checked against the config's diff ids, and only then the blobs made visible and
 * the rows written with the {@code pull} event. Anything that fails leaves nothing behind. Errors before
 * the first progress line are the HTTP answer; later ones end the stream.
 */
@ApplicationScoped
public class PullService {
    private static final Logger LOG = Logger.getLogger(PullService.class);

    private final RegistryClient registry;
    private final BlobStore blobs;
    private final BlobPublisher publisher;
    private final RegistryRecords records;
    private final LayerTransfers transfers;
    private final PushRecords pushRecords;

    public PullService(RegistryClient registry, BlobStore blobs, BlobPublisher publisher,
            RegistryRecords records, LayerTransfers transfers, PushRecords pushRecords) {
        this.pushRecords = pushRecords;
        this.registry = registry;
        this.blobs = blobs;
        this.publisher = publisher;
        this.records = records;
        this.transfers = transfers;
    }

    /** The reference {@code fromImage} and {@code tag} name: the tag parameter may be a tag or a digest; neither means every tag. */
    public static Reference target(String fromImage, String tag) {
        Reference ref = Reference.parse(fromImage);
        if (tag == null || tag.isEmpty()) {
            return ref;
        }
        if (tag.contains(":")) {
            return ref.withDigest(Digest.parse(tag));
        }
        return ref.withTag(tag);
    }

    @WithSpan
    public void pull(Reference ref, String platform, AuthConfig auth, ProgressSink out) {
        RegistrySession session = registry.session(ref.domain(), auth,
                List.of(RegistryClient.scope(ref.path(), "pull")));
        PlatformMatcher matcher = PlatformMatcher.of(platform);
        if (ref.tag() == null && !ref.hasDigest()) {
            List<String> tags;
            try {
                tags = registry.tags(session, ref.path());
            } catch (RegistryException e) {
                throw translate(e, ref);
            }
            boolean changed = false;
            for (String tag : tags) {
                changed |= !pullOne(session, ref.withTag(tag), matcher, out, false);
            }
            out.send(ProgressMessage.status(null, "Status: " + (changed ? "Downloaded newer image for "
                    : "Image is up to date for ") + ref.familiarName()));
            return;
        }
        pullOne(session, ref, matcher, out, true);
    }

    /** Pulls one tag or digest; true when it was up to date. */
    private boolean pullOne(RegistrySession session, Reference ref, PlatformMatcher matcher, ProgressSink out,
            boolean finalStatus) {
        String reference = ref.hasDigest() ? ref.digest() : ref.tag();
        FetchedManifest top = fetchManifest(session, ref, reference);
        Manifest manifest = parse(top);
        if (manifest.isIndex()) {
            Descriptor chosen = matcher.choose(manifest.entries()).orElseThrow(() -> new WharfException(
                    ErrorKind.NOT_FOUND, "no matching manifest for " + matcher + " in the manifest list entries"));
            manifest = parse(fetchManifest(session, ref, chosen.digest().toString()));
            if (manifest.isIndex()) {
                throw new WharfException(ErrorKind.SYSTEM, "unsupported manifest format: nested manifest list");
            }
        }
        out.send(ProgressMessage.status(reference, "Pulling from " + ref.familiarName()));
        byte[] configBytes = fetchConfig(session, ref, manifest.config());
        ImageConfig config;
        try {
            config = ImageConfigJson.read(configBytes);
        } catch (IllegalArgumentException e) {
            throw new WharfException(ErrorKind.SYSTEM, "error pulling image configuration: " + e.getMessage(), e);
        }
        List<String> diffIds = config.rootfs == null || config.rootfs.diffIds() == null ? List.of()
                : config.rootfs.diffIds();
        if (diffIds.size() != manifest.layers().size()) {
            throw new WharfException(ErrorKind.SYSTEM, "layers from manifest don't match image configuration");
        }
        List<LayerPull> layers = new ArrayList<>();
        for (int i = 0; i < diffIds.size(); i++) {
            if (!Digest.isValid(diffIds.get(i))) {
                throw new WharfException(ErrorKind.SYSTEM, "invalid diff id in image configuration: " + diffIds.get(i));
            }
            layers.add(new LayerPull(manifest.layers().get(i), Digest.parse(diffIds.get(i))));
        }
        List<StagedBlob> staged = new ArrayList<>();
        try {
            new LayerDownload(registry, session, ref.path(), blobs, transfers, out).run(layers);
            layers.forEach(l -> {
                if (l.staged != null && !staged.contains(l.staged)) {
                    staged.add(l.staged);
                }
            });
            long size = extract(layers, out);
            StagedBlob configBlob = blobs.stage(new ByteArrayInputStream(configBytes), manifest.config().digest());
            staged.add(configBlob);
            ImageEntity image = imageRow(manifest, config, configBytes, layers, size);
            Reference digestRef = ref.withDigest(top.digest());
            boolean upToDate = publish(staged, layers, image, ref.hasDigest() ? null : ref, digestRef, ref);
            rememberLocations(layers, ref);
            out.send(ProgressMessage.status(null, "Digest: " + top.digest()));
            if (finalStatus) {
                out.send(ProgressMessage.status(null, "Status: " + (upToDate ? "Image is up to date for "
                        : "Downloaded newer image for ") + ref.familiar()));
            }
            LOG.infof("pulled %s as %s (%d layers)", ref, image.id, layers.size());
            return upToDate;
        } catch (IOException e) {
            throw new WharfException(ErrorKind.SYSTEM, e.getMessage() == null ? "unexpected EOF" : e.getMessage(), e);
        } finally {
            staged.forEach(blobs::discard);
        }
    }

    /** The registry repository now known to hold these layers, for cross-repository mounts on push. */
    private void rememberLocations(List<LayerPull> layers, Reference ref) {
        for (LayerPull layer : layers) {
            try {
                pushRecords.rememberLocation(layer.descriptor.digest(), ref.name());
            } catch (RuntimeException e) {
                // a concurrent pull recorded it
            }
        }
    }

    private FetchedManifest fetchManifest(RegistrySession session, Reference ref, String reference) {
        try {
            return registry.manifest(session, ref.path(), reference);
        } catch (RegistryException e) {
            throw translate(e, ref);
        }
    }

    private static Manifest parse(FetchedManifest fetched) {
        try {
            return Manifest.parse(fetched.contentType(), fetched.body());
        } catch (ManifestFormatException e) {
            throw new WharfException(ErrorKind.SYSTEM, e.getMessage(), e);
        }
    }

    private byte[] fetchConfig(RegistrySession session, Reference ref, Descriptor config) {
        try {
            HttpResponse<InputStream> response = registry.blob(session, ref.path(), config.digest());
            byte[] bytes;
            try (InputStream in = new BoundedInputStream(response.body(), Math.max(config.size(), 16L << 20))) {
                bytes = in.readAllBytes();
            }
            if (!Digest.of(bytes).equals(config.digest())) {
                throw new WharfException(ErrorKind.SYSTEM, "error pulling image configuration: image config "
                        + "verification failed for digest " + config.digest());
            }
            return bytes;
        } catch (IOException e) {
            throw new WharfException(ErrorKind.SYSTEM, "error pulling image configuration: " + e.getMessage(), e);
        } catch (RegistryException e) {
            throw new WharfException(e.kind(), "error pulling image configuration: download failed after attempts=1: "
                    + e.getMessage(), e);
        }
    }

    /** "Extracting" then "Pull complete" per downloaded layer, bottom first; checks every diff id. */
    private long extract(List<LayerPull> layers, ProgressSink out) throws IOException {
        long total = 0;
        for (LayerPull layer : layers) {
            if (layer.uncompressedSize >= 0) {
                // checked while it downloaded
                out.send(ProgressMessage.progress(layer.id(), "Extracting", layer.descriptor.size(),
                        layer.descriptor.size()));
                out.send(ProgressMessage.status(layer.id(), "Pull complete"));
                total += layer.uncompressedSize;
                continue;
            }
            try (InputStream blob = blobs.open(layer.descriptor.digest())) {
                total += LayerVerifier.verify(blob, layer.diffId);
            }
        }
        return total;
    }

    private static ImageEntity imageRow(Manifest manifest, ImageConfig config, byte[] configBytes,
            List<LayerPull> layers, long size) {
        ImageEntity image = new ImageEntity();
        image.id = manifest.config().digest().toString();
        image.configJson = new String(configBytes, StandardCharsets.UTF_8);
        image.created = created(config);
        image.size = size;
        for (LayerPull layer : layers) {
            image.layers.add(new ImageLayer(layer.descriptor.digest().toString(), layer.diffId.toString(),
                    layer.descriptor.mediaType(), layer.descriptor.size()));
        }
        return image;
    }

    private static Instant created(ImageConfig config) {
        if (config.created != null) {
            try {
                return Rfc3339.parse(config.created);
            } catch (DateTimeParseException e) {
                // fall through
            }
        }
        return Instant.EPOCH;
    }

    /** Blobs visible and rows committed in one step ({@link BlobPublisher}); a layer gone meanwhile fails it. */
    private boolean publish(List<StagedBlob> staged, List<LayerPull> layers, ImageEntity image, Reference tag,
            Reference digestRef, Reference asGiven) throws IOException {
        return publisher.publish(staged, () -> {
            for (LayerPull layer : layers) {
                if (!blobs.exists(layer.descriptor.digest())) {
                    throw new WharfException(ErrorKind.CONFLICT, "layer " + layer.descriptor.digest()
                            + " was removed while the image was pulled: pull again");
                }
            }
            return records.registerPull(image, tag, digestRef, asGiven);
        });
    }

    /** Docker's words for a registry's "not found" and "denied" answers. */
    static WharfException translate(RegistryException e, Reference ref) {
        return switch (e.code()) {
            case "MANIFEST_UNKNOWN" -> new WharfException(ErrorKind.NOT_FOUND, "manifest for " + ref.familiar()
                    + " not found: " + e.getMessage());
            case "NAME_UNKNOWN" -> new WharfException(ErrorKind.NOT_FOUND, "repository " + ref.familiarName()
                    + " not found: " + e.getMessage());
            case "DENIED", "UNAUTHORIZED" -> new WharfException(ErrorKind.NOT_FOUND, "pull access denied for "
                    + ref.familiarName() + ", repository does not exist or may require 'docker login': "
                    + e.getMessage());
            default -> e;
        };
    }

    /** One layer of the pull: its descriptor and diff id, and once downloaded, the staged blob (null if it was already here). */
    static final class LayerPull {
        final Descriptor descriptor;
        final Digest diffId;
        volatile StagedBlob staged;
        /** Set when the download verified the diff id; -1 for a layer that was already here. */
        volatile long uncompressedSize = -1;

        LayerPull(Descriptor descriptor, Digest diffId) {
            this.descriptor = descriptor;
            this.diffId = diffId;
        }

        String id() {
            return descriptor.digest().shortId();
        }
    }
}

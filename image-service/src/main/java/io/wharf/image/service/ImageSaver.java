package io.wharf.image.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.wharf.common.error.WharfException;
import io.wharf.common.tar.TarWriter;
import io.wharf.image.domain.ArchiveLayout;
import io.wharf.image.domain.Digest;
import io.wharf.image.domain.Reference;
import io.wharf.image.store.BlobStore;
import io.wharf.image.store.ImageEntity;
import io.wharf.image.store.ImageLayer;
import io.wharf.image.store.TagEntity;
import io.wharf.image.store.TagRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code docker save}: the archive Docker 25 writes, which is both a docker-archive ({@code manifest.json},
 * {@code repositories}) and an OCI image layout ({@code oci-layout}, {@code index.json}, {@code blobs/sha256}).
 * Each blob is written once however many images share it. Names are resolved before anything is
 * streamed, so an unknown one is a plain 404.
 */
@ApplicationScoped
public class ImageSaver {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One image to write and the tags to record for it. */
    public record Selection(ImageEntity image, List<Reference> tags) {
    }

    /** What a save streams: the images and their blobs, already open so that a concurrent rmi cannot cut the archive. */
    public record SaveJob(List<Selection> selections, Map<Digest, OpenBlob> blobs) implements AutoCloseable {
        @Override
        public void close() {
            blobs.values().forEach(b -> {
                try {
                    b.in().close();
                } catch (IOException e) {
                    // nothing to do
                }
            });
        }
    }

    /** An open layer blob and its size. */
    public record OpenBlob(InputStream in, long size) {
    }

    private final ImageResolver resolver;
    private final TagRepository tags;
    private final BlobStore blobs;
    private final ImageEvents events;
    private final ContentLock lock;

    public ImageSaver(ImageResolver resolver, TagRepository tags, BlobStore blobs, ImageEvents events,
            ContentLock lock) {
        this.lock = lock;
        this.resolver = resolver;
        this.tags = tags;
        this.blobs = blobs;
        this.events = events;
    }

    /** moby's rules: {@code repo} alone means every tag of it; a tag or digest means that one; an id means no tag. */
    /**
     * Resolves the names and opens every layer blob under the content lock (collection waits, a blob
     * deleted after that stays readable), so errors come before the first byte is streamed.
     */
    @WithSpan
    public SaveJob prepare(List<String> names) {
        lock.lock().readLock().lock();
        Map<Digest, OpenBlob> open = new LinkedHashMap<>();
        try {
            List<Selection> selections = select(names);
            for (Selection s : selections) {
                for (ImageLayer layer : s.image().layers) {
                    Digest digest = Digest.parse(layer.digest);
                    if (!open.containsKey(digest)) {
                        open.put(digest, new OpenBlob(blobs.open(digest), blobs.size(digest)));
                    }
                }
            }
            return new SaveJob(selections, open);
        } catch (IOException e) {
            new SaveJob(List.of(), open).close();
            throw WharfException.system("cannot read the image's blobs: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            new SaveJob(List.of(), open).close();
            throw e;
        } finally {
            lock.lock().readLock().unlock();
        }
    }

    private List<Selection> select(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw WharfException.invalid("no images specified");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Selection> byId = new LinkedHashMap<>();
            for (String name : names) {
                for (Selection s : resolve(name)) {
                    Selection existing = byId.get(s.image().id);
                    if (existing == null) {
                        byId.put(s.image().id, new Selection(s.image(), new ArrayList<>(s.tags())));
                    } else {
                        s.tags().stream().filter(t -> !existing.tags().contains(t)).forEach(existing.tags()::add);
                    }
                }
            }
            return List.copyOf(byId.values());
        });
    }

    private List<Selection> resolve(String name) {
        ImageEntity image = null;
        Reference ref = null;
        try {
            ref = Reference.parse(name);
        } catch (WharfException e) {
            // not a reference: an id prefix
        }
        if (ref != null && !ref.hasDigest() && ref.tag() == null) {
            List<Selection> all = new ArrayList<>();
            for (TagEntity row : tags.list("repository", ref.name())) {
                all.add(new Selection(resolver.resolve(row.reference), List.of(Reference.parse(row.reference))));
            }
            if (!all.isEmpty()) {
                return all;
            }
        }
        image = resolver.resolve(name);
        boolean byId = ImageDeleter.isImageIdPrefix(image.id, name);
        List<Reference> named = byId || ref == null || ref.hasDigest() ? List.of() : List.of(ref.withDefaultTag());
        return List.of(new Selection(image, named));
    }

    /** Streams the archive; the images' {@code save} events are published once it is written. */
    @WithSpan
    public void write(SaveJob job, OutputStream out) {
        List<Selection> selections = job.selections();
        try (job; TarWriter tar = new TarWriter(out)) {
            Set<Digest> written = new HashSet<>();
            ArrayNode manifest = JSON.createArrayNode();
            ArrayNode indexManifests = JSON.createArrayNode();
            ObjectNode repositories = JSON.createObjectNode();
            for (Selection s : selections) {
                ImageEntity image = s.image();
                byte[] config = image.configJson.getBytes(StandardCharsets.UTF_8);
                Digest configDigest = Digest.parse(image.id);
                ObjectNode ociManifest = JSON.createObjectNode();
                ociManifest.put("schemaVersion", 2);
                ociManifest.put("mediaType", ArchiveLayout.OCI_MANIFEST);
                ociManifest.set("config", descriptor(ArchiveLayout.OCI_CONFIG, configDigest, config.length));
                ArrayNode layers = ociManifest.putArray("layers");
                ArrayNode layerPaths = JSON.createArrayNode();
                for (ImageLayer layer : image.layers) {
                    Digest digest = Digest.parse(layer.digest);
                    layers.add(descriptor(layer.digest.equals(layer.diffId) ? ArchiveLayout.OCI_LAYER
                            : ArchiveLayout.OCI_LAYER_GZIP, digest, layer.size));
                    layerPaths.add(ArchiveLayout.blobPath(digest));
                    if (written.add(digest)) {
                        writeBlob(tar, digest, job.blobs().get(digest));
                    }
                }
                if (written.add(configDigest)) {
                    tar.file(ArchiveLayout.blobPath(configDigest), config, image.created.getEpochSecond());
                }
                byte[] manifestBytes = JSON.writeValueAsBytes(ociManifest);
                Digest manifestDigest = Digest.of(manifestBytes);
                if (written.add(manifestDigest)) {
                    tar.file(ArchiveLayout.blobPath(manifestDigest), manifestBytes, image.created.getEpochSecond());
                }
                ArrayNode repoTags = JSON.createArrayNode();
                if (s.tags().isEmpty()) {
                    indexManifests.add(descriptor(ArchiveLayout.OCI_MANIFEST, manifestDigest, manifestBytes.length));
                }
                for (Reference tag : s.tags()) {
                    repoTags.add(tag.familiar());
                    ObjectNode d = descriptor(ArchiveLayout.OCI_MANIFEST, manifestDigest, manifestBytes.length);
                    d.putObject("annotations").put(ArchiveLayout.IMAGE_NAME_ANNOTATION, tag.toString())
                            .put(ArchiveLayout.REF_NAME_ANNOTATION, tag.tag());
                    indexManifests.add(d);
                    if (!image.layers.isEmpty()) {
                        ObjectNode repo = repositories.has(tag.familiarName())
                                ? (ObjectNode) repositories.get(tag.familiarName())
                                : repositories.putObject(tag.familiarName());
                        repo.put(tag.tag(), Digest.parse(image.layers.get(image.layers.size() - 1).diffId).hex());
                    }
                }
                ObjectNode entry = manifest.addObject();
                entry.put("Config", ArchiveLayout.blobPath(configDigest));
                entry.set("RepoTags", repoTags.isEmpty() ? null : repoTags);
                entry.set("Layers", layerPaths);
            }
            ObjectNode index = JSON.createObjectNode();
            index.put("schemaVersion", 2);
            index.put("mediaType", ArchiveLayout.OCI_INDEX);
            index.set("manifests", indexManifests);
            long now = System.currentTimeMillis() / 1000;
            tar.file(ArchiveLayout.INDEX_JSON, JSON.writeValueAsBytes(index), now);
            tar.file(ArchiveLayout.MANIFEST_JSON, JSON.writeValueAsBytes(manifest), now);
            tar.file(ArchiveLayout.OCI_LAYOUT, "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8),
                    now);
            if (!repositories.isEmpty()) {
                tar.file(ArchiveLayout.REPOSITORIES, JSON.writeValueAsBytes(repositories), now);
            }
            tar.finish();
        } catch (IOException e) {
            throw WharfException.system("writing the image archive failed: " + e.getMessage(), e);
        }
        QuarkusTransaction.requiringNew().run(() -> selections.forEach(s -> events.saved(s.image())));
    }

    private static void writeBlob(TarWriter tar, Digest digest, OpenBlob blob) throws IOException {
        tar.header(TarWriter.Entry.file(ArchiveLayout.blobPath(digest), blob.size(), 0));
        tar.data(blob.in());
    }

    private static ObjectNode descriptor(String mediaType, Digest digest, long size) {
        ObjectNode d = JSON.createObjectNode();
        d.put("mediaType", mediaType);
        d.put("digest", digest.toString());
        d.put("size", size);
        return d;
    }
}

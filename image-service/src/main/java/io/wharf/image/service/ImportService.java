package io.wharf.image.service;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.wharf.common.error.WharfException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.wharf.image.domain.ArchiveFormatException;
import io.wharf.image.domain.CommitConfig;
import io.wharf.image.domain.ContainerConfig;
import io.wharf.image.domain.Digest;
import io.wharf.image.domain.DockerfileChanges;
import io.wharf.image.domain.ImageConfig;
import io.wharf.image.domain.ImageConfigJson;
import io.wharf.image.domain.ImportConfig;
import io.wharf.image.domain.MediaTypes;
import io.wharf.image.domain.Reference;
import io.wharf.image.domain.TarValidatingInputStream;
import io.wharf.image.store.BlobStore;
import io.wharf.image.store.ImageEntity;
import io.wharf.image.store.ImageLayer;
import io.wharf.image.store.StagedBlob;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * {@code docker import}: one uncompressed layer from a (possibly gzipped) tar stream, a config built
 * from the changes, an image row, an optional tag, and the events. The stream goes to disk as it
 * arrives; a malformed archive is a 400 and leaves neither rows nor blobs behind.
 */
@ApplicationScoped
public class ImportService {
    private static final Logger LOG = Logger.getLogger(ImportService.class);

    private final BlobStore blobs;
    private final ImageCatalog catalog;
    private final BlobPublisher publisher;
    private final ImageResolver resolver;

    public ImportService(BlobStore blobs, ImageCatalog catalog, BlobPublisher publisher, ImageResolver resolver) {
        this.resolver = resolver;
        this.blobs = blobs;
        this.catalog = catalog;
        this.publisher = publisher;
    }

    @WithSpan
    public String importImage(InputStream body, String repo, String tag, String message, List<String> changes) {
        Reference target = Reference.repoTag(repo, tag);
        DockerfileChanges.apply(new ContainerConfig(), changes); // reject bad changes before reading the body
        StagedBlob layer = stageLayer(body);
        StagedBlob config = null;
        try {
            Instant created = Instant.now();
            ImageConfig imageConfig = ImportConfig.build(List.of(layer.digest().toString()), changes, message,
                    created);
            byte[] json = ImageConfigJson.write(imageConfig);
            config = blobs.stage(new ByteArrayInputStream(json), Digest.of(json));
            ImageEntity image = new ImageEntity();
            image.id = config.digest().toString();
            image.configJson = new String(json, StandardCharsets.UTF_8);
            image.created = created;
            image.size = layer.size();
            image.layers.add(new ImageLayer(layer.digest().toString(), layer.digest().toString(),
                    MediaTypes.LAYER_TAR, layer.size()));
            publisher.publish(List.of(layer, config), () -> {
                catalog.registerImport(image, target);
                return null;
            });
            LOG.infof("imported %s (%d bytes)%s", image.id, layer.size(), target == null ? "" : " as " + target);
            return image.id;
        } catch (IOException e) {
            throw WharfException.system("import failed: " + e.getMessage(), e);
        } finally {
            blobs.discard(layer);
            if (config != null) {
                blobs.discard(config);
            }
        }
    }

    /**
     * {@code docker commit}, image side: the container's changes as one layer over its image's (none when
     * it changed nothing), the container's Config with {@code changes} applied, and the tag. The parent
     * must still exist.
     */
    @WithSpan
    public String commitImage(InputStream body, String parentId, String containerId, String containerConfigJson,
            String repo, String tag, String comment, String author, List<String> changes) {
        Reference target = Reference.repoTag(repo, tag);
        ContainerConfig containerConfig = ContainerConfig.fromJson(containerConfigJson);
        String createdBy = containerConfig.cmd == null ? "" : String.join(" ", containerConfig.cmd);
        DockerfileChanges.apply(containerConfig, changes);
        ImageEntity parent = QuarkusTransaction.requiringNew().call(() -> resolver.resolve(parentId));
        TarValidatingInputStream validating;
        StagedBlob layer;
        try {
            validating = new TarValidatingInputStream(ArchiveStreams.decompressed(body));
            layer = blobs.stage(validating, null);
        } catch (ArchiveFormatException e) {
            throw WharfException.invalid(e.getMessage());
        } catch (IOException e) {
            throw WharfException.system("reading the layer failed: " + e.getMessage(), e);
        }
        StagedBlob config = null;
        try {
            boolean empty = validating.entries() == 0;
            Instant created = Instant.now();
            ImageConfig imageConfig = CommitConfig.build(ImageConfigJson.read(parent.configJson), containerConfig,
                    containerId, createdBy, comment, author, empty ? null : layer.digest().toString(), created);
            byte[] json = ImageConfigJson.write(imageConfig);
            config = blobs.stage(new ByteArrayInputStream(json), Digest.of(json));
            ImageEntity image = new ImageEntity();
            image.id = config.digest().toString();
            image.configJson = new String(json, StandardCharsets.UTF_8);
            image.created = created;
            image.parent = parent.id;
            image.layers.addAll(parent.layers.stream()
                    .map(l -> new ImageLayer(l.digest, l.diffId, l.mediaType, l.size)).toList());
            if (!empty) {
                image.layers.add(new ImageLayer(layer.digest().toString(), layer.digest().toString(),
                        MediaTypes.LAYER_TAR, layer.size()));
            }
            image.size = image.layers.stream().mapToLong(l -> l.size).sum();
            publisher.publish(empty ? List.of(config) : List.of(layer, config), () -> {
                catalog.registerCommit(image, target);
                return null;
            });
            LOG.infof("committed %s from container %s%s", image.id, containerId, target == null ? "" : " as " + target);
            return image.id;
        } catch (IOException e) {
            throw WharfException.system("commit failed: " + e.getMessage(), e);
        } finally {
            blobs.discard(layer);
            if (config != null) {
                blobs.discard(config);
            }
        }
    }

    private StagedBlob stageLayer(InputStream body) {
        StagedBlob layer;
        try {
            layer = blobs.stage(new TarValidatingInputStream(ArchiveStreams.decompressed(body)), null);
        } catch (ArchiveFormatException e) {
            throw WharfException.invalid(e.getMessage());
        } catch (IOException e) {
            throw WharfException.system("reading the archive failed: " + e.getMessage(), e);
        }
        if (layer.size() == 0) {
            blobs.discard(layer);
            throw WharfException.invalid("invalid tar archive: the archive is empty");
        }
        return layer;
    }
}

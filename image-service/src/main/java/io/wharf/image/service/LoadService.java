package io.wharf.image.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.wharf.common.error.WharfException;
import io.wharf.image.domain.ArchiveFormatException;
import io.wharf.image.domain.ArchiveLayout;
import io.wharf.image.domain.Digest;
import io.wharf.image.domain.ImageConfig;
import io.wharf.image.domain.ImageConfigJson;
import io.wharf.image.domain.MediaTypes;
import io.wharf.image.domain.Reference;
import io.wharf.image.domain.Rfc3339;
import io.wharf.image.domain.TarReader;
import io.wharf.image.domain.TarValidatingInputStream;
import io.wharf.image.store.BlobStore;
import io.wharf.image.store.ImageEntity;
import io.wharf.image.store.ImageLayer;
import io.wharf.image.store.StagedBlob;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * {@code docker load}: a docker-archive (manifest.json, from any Docker version) or an OCI image layout
 * (index.json). Every file of the archive is staged to disk while hashed; then each image's config and
 * layers are checked (blob names against their digests, layers as safe tars, uncompressed digests
 * against the config's diff ids) before anything is registered. Any failure registers nothing.
 */
@ApplicationScoped
public class LoadService {
    private static final Logger LOG = Logger.getLogger(LoadService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An image found in the archive, checked and ready to register. */
    public record LoadedImage(ImageEntity image, List<Reference> tags) {
    }

    private final BlobStore blobs;
    private final ImageCatalog catalog;
    private final BlobPublisher publisher;

    public LoadService(BlobStore blobs, ImageCatalog catalog, BlobPublisher publisher) {
        this.blobs = blobs;
        this.catalog = catalog;
        this.publisher = publisher;
    }

    /** Loads the archive; returns the lines Docker prints ({@code Loaded image: x}, {@code Loaded image ID: y}). */
    @WithSpan
    public List<String> load(InputStream body) {
        Staging staging = new Staging();
        try {
            readArchive(body, staging);
            Map<Digest, StagedBlob> toCommit = new LinkedHashMap<>();
            List<LoadedImage> images = staging.has(ArchiveLayout.MANIFEST_JSON) ? dockerArchive(staging, toCommit)
                    : ociLayout(staging, toCommit);
            if (images.isEmpty()) {
                throw WharfException.invalid("invalid archive: it holds no image");
            }
            return publish(images, toCommit);
        } catch (ArchiveFormatException e) {
            throw WharfException.invalid(e.getMessage());
        } catch (IOException e) {
            throw WharfException.system("loading the archive failed: " + e.getMessage(), e);
        } finally {
            staging.discard();
        }
    }

    private void readArchive(InputStream body, Staging staging) throws IOException {
        TarReader tar = new TarReader(ArchiveStreams.decompressed(body));
        TarReader.Entry entry;
        while ((entry = tar.next()) != null) {
            if (entry.isRegular()) {
                staging.files.put(entry.name(), blobs.stage(tar.content(), null));
            } else if (entry.isSymlink() || entry.isHardLink()) {
                staging.links.put(entry.name(), entry.isSymlink() ? resolveSymlink(entry.name(), entry.linkName())
                        : entry.linkName());
            } else if (!entry.isDirectory()) {
                throw new ArchiveFormatException("invalid archive: unexpected entry type '" + entry.type() + "' for \""
                        + entry.name() + "\"");
            }
        }
    }

    /** A symlink's target as an archive path; one that points outside the archive is refused. */
    private static String resolveSymlink(String name, String target) throws ArchiveFormatException {
        if (target.startsWith("/")) {
            throw new ArchiveFormatException("invalid archive: link \"" + name + "\" points outside the archive");
        }
        List<String> parts = new ArrayList<>(List.of(name.split("/")));
        parts.remove(parts.size() - 1);
        for (String part : target.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    throw new ArchiveFormatException("invalid archive: link \"" + name + "\" points outside the archive");
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    private List<LoadedImage> dockerArchive(Staging staging, Map<Digest, StagedBlob> toCommit) throws IOException {
        JsonNode manifest = staging.json(ArchiveLayout.MANIFEST_JSON);
        if (!manifest.isArray()) {
            throw new ArchiveFormatException("invalid archive: manifest.json is not a list");
        }
        List<LoadedImage> out = new ArrayList<>();
        for (JsonNode entry : manifest) {
            List<String> layers = new ArrayList<>();
            entry.path("Layers").forEach(l -> layers.add(l.asText()));
            List<Reference> tags = new ArrayList<>();
            for (JsonNode tag : entry.path("RepoTags")) {
                tags.add(parseTag(tag.asText()));
            }
            out.add(image(staging, entry.path("Config").asText(), layers, tags, toCommit));
        }
        return out;
    }

    private List<LoadedImage> ociLayout(Staging staging, Map<Digest, StagedBlob> toCommit) throws IOException {
        if (!staging.has(ArchiveLayout.INDEX_JSON)) {
            throw new ArchiveFormatException("invalid archive: neither manifest.json nor index.json found "
                    + "(not a docker save or OCI image layout archive)");
        }
        List<LoadedImage> out = new ArrayList<>();
        for (JsonNode descriptor : staging.json(ArchiveLayout.INDEX_JSON).path("manifests")) {
            JsonNode manifest = manifestFor(staging, descriptor, 0);
            List<String> layers = new ArrayList<>();
            for (JsonNode layer : manifest.path("layers")) {
                layers.add(ArchiveLayout.blobPath(digest(layer.path("digest").asText())));
            }
            String config = ArchiveLayout.blobPath(digest(manifest.path("config").path("digest").asText()));
            List<Reference> tags = new ArrayList<>();
            Reference name = ociName(descriptor.path("annotations"));
            if (name != null) {
                tags.add(name);
            }
            out.add(image(staging, config, layers, tags, toCommit));
        }
        return out;
    }

    /** The image manifest a descriptor leads to; an index is followed to its linux/amd64 entry. */
    private JsonNode manifestFor(Staging staging, JsonNode descriptor, int depth) throws IOException {
        String mediaType = descriptor.path("mediaType").asText();
        JsonNode doc = staging.json(ArchiveLayout.blobPath(digest(descriptor.path("digest").asText())));
        boolean isIndex = mediaType.equals(ArchiveLayout.OCI_INDEX) || mediaType.equals(ArchiveLayout.DOCKER_MANIFEST_LIST)
                || (mediaType.isEmpty() && doc.has("manifests"));
        if (!isIndex) {
            if (!doc.has("config") || !doc.has("layers")) {
                throw new ArchiveFormatException("invalid archive: unsupported manifest type \"" + mediaType + "\"");
            }
            return doc;
        }
        if (depth > 2) {
            throw new ArchiveFormatException("invalid archive: indexes nested too deep");
        }
        JsonNode chosen = null;
        for (JsonNode m : doc.path("manifests")) {
            JsonNode platform = m.path("platform");
            if (platform.isMissingNode() && chosen == null
                    || "linux".equals(platform.path("os").asText()) && "amd64".equals(platform.path("architecture").asText())) {
                chosen = m;
                if (!platform.isMissingNode()) {
                    break;
                }
            }
        }
        if (chosen == null) {
            throw new ArchiveFormatException("invalid archive: no linux/amd64 image in the index");
        }
        return manifestFor(staging, chosen, depth + 1);
    }

    /** containerd's full name annotation, else an OCI ref name that is a whole reference; a bare tag names nothing. */
    private static Reference ociName(JsonNode annotations) throws ArchiveFormatException {
        String full = annotations.path(ArchiveLayout.IMAGE_NAME_ANNOTATION).asText("");
        if (!full.isEmpty()) {
            return parseTag(full);
        }
        String ref = annotations.path(ArchiveLayout.REF_NAME_ANNOTATION).asText("");
        if (ref.contains(":") || ref.contains("/")) {
            return parseTag(ref);
        }
        return null;
    }

    private static Reference parseTag(String value) throws ArchiveFormatException {
        try {
            Reference ref = Reference.parse(value);
            if (ref.hasDigest()) {
                throw new ArchiveFormatException("invalid archive: image name \"" + value + "\" is not a tag");
            }
            return ref.withDefaultTag();
        } catch (WharfException e) {
            throw new ArchiveFormatException("invalid archive: invalid image name \"" + value + "\": " + e.getMessage());
        }
    }

    /** Checks one image: config, then each layer against the config's diff ids. */
    private LoadedImage image(Staging staging, String configPath, List<String> layerPaths, List<Reference> tags,
            Map<Digest, StagedBlob> toCommit) throws IOException {
        StagedBlob configBlob = staging.file(configPath);
        byte[] configBytes = Files.readAllBytes(configBlob.file());
        ImageConfig config;
        try {
            config = ImageConfigJson.read(configBytes);
        } catch (IllegalArgumentException e) {
            throw new ArchiveFormatException("invalid archive: " + configPath + " is " + e.getMessage());
        }
        List<String> diffIds = config.rootfs == null || config.rootfs.diffIds() == null ? List.of()
                : config.rootfs.diffIds();
        if (diffIds.size() != layerPaths.size()) {
            throw new ArchiveFormatException("invalid archive: the config of " + configPath + " lists " + diffIds.size()
                    + " layers, the manifest " + layerPaths.size());
        }
        ImageEntity image = new ImageEntity();
        image.id = configBlob.digest().toString();
        image.configJson = new String(configBytes, StandardCharsets.UTF_8);
        image.created = created(config);
        toCommit.put(configBlob.digest(), configBlob);
        long size = 0;
        for (int i = 0; i < layerPaths.size(); i++) {
            StagedBlob layer = staging.layer(layerPaths.get(i), this);
            if (!layer.digest().toString().equals(diffIds.get(i))) {
                throw new ArchiveFormatException("invalid archive: layer " + layerPaths.get(i) + " has digest "
                        + layer.digest() + ", the config expects " + diffIds.get(i));
            }
            toCommit.put(layer.digest(), layer);
            image.layers.add(new ImageLayer(layer.digest().toString(), layer.digest().toString(), MediaTypes.LAYER_TAR,
                    layer.size()));
            size += layer.size();
        }
        image.size = size;
        return new LoadedImage(image, tags);
    }

    private static Instant created(ImageConfig config) {
        if (config.created != null && !config.created.isEmpty()) {
            try {
                return Rfc3339.parse(config.created);
            } catch (RuntimeException e) {
                // fall through: a config with an odd date still loads
            }
        }
        return Instant.now();
    }

    /** The layer as an uncompressed, checked tar in the staging area (gzip layers are decompressed). */
    StagedBlob uncompressedLayer(StagedBlob raw, String path) throws IOException {
        boolean gzip;
        try (InputStream in = Files.newInputStream(raw.file())) {
            gzip = in.read() == 0x1f && in.read() == 0x8b;
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(raw.file()), 64 * 1024)) {
            InputStream tar = new TarValidatingInputStream(ArchiveStreams.decompressed(in));
            if (gzip) {
                return blobs.stage(tar, null);
            }
            tar.transferTo(OutputStream.nullOutputStream());
            return raw;
        } catch (ArchiveFormatException e) {
            throw new ArchiveFormatException("invalid archive: layer " + path + ": " + e.getMessage(), e);
        }
    }

    private List<String> publish(List<LoadedImage> images, Map<Digest, StagedBlob> toCommit) throws IOException {
        return publisher.publish(toCommit.values(), () -> {
            List<String> lines = catalog.registerLoad(images);
            LOG.infof("loaded %d image(s)", images.size());
            return lines;
        });
    }

    /** The archive's files, staged in the content store's temporaries, by path. */
    private final class Staging {
        final Map<String, StagedBlob> files = new HashMap<>();
        final Map<String, String> links = new HashMap<>();
        final Map<String, StagedBlob> layers = new HashMap<>();
        final List<StagedBlob> extra = new ArrayList<>();

        boolean has(String path) {
            return files.containsKey(path) || links.containsKey(path);
        }

        StagedBlob file(String path) throws ArchiveFormatException {
            String p = path;
            for (int hops = 0; links.containsKey(p); hops++) {
                if (hops > 16) {
                    throw new ArchiveFormatException("invalid archive: too many links at \"" + path + "\"");
                }
                p = links.get(p);
            }
            StagedBlob blob = files.get(p);
            if (blob == null) {
                throw new ArchiveFormatException("invalid archive: \"" + path + "\" is missing from the archive");
            }
            if (p.startsWith(ArchiveLayout.BLOBS) && !blob.digest().hex().equals(p.substring(ArchiveLayout.BLOBS.length()))) {
                throw new ArchiveFormatException("invalid archive: digest mismatch: " + p + " has content "
                        + blob.digest());
            }
            return blob;
        }

        JsonNode json(String path) throws IOException {
            try {
                return JSON.readTree(file(path).file().toFile());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new ArchiveFormatException("invalid archive: " + path + " is not valid JSON");
            }
        }

        StagedBlob layer(String path, LoadService service) throws IOException {
            StagedBlob raw = file(path);
            StagedBlob done = layers.get(raw.file().toString());
            if (done == null) {
                done = service.uncompressedLayer(raw, path);
                if (done != raw) {
                    extra.add(done);
                }
                layers.put(raw.file().toString(), done);
            }
            return done;
        }

        void discard() {
            files.values().forEach(blobs::discard);
            extra.forEach(blobs::discard);
        }
    }

    private static Digest digest(String value) throws ArchiveFormatException {
        try {
            return Digest.parse(value);
        } catch (RuntimeException e) {
            throw new ArchiveFormatException("invalid archive: invalid digest \"" + value + "\"");
        }
    }
}

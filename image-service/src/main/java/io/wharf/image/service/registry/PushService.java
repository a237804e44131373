package io.wharf.image.service.registry;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.wharf.common.error.ErrorKind;
import io.wharf.common.error.WharfException;
import io.wharf.image.client.registry.RegistryClient;
import io.wharf.image.client.registry.RegistrySession;
import io.wharf.image.domain.Digest;
import io.wharf.image.domain.MediaTypes;
import io.wharf.image.domain.Reference;
import io.wharf.image.domain.registry.AuthConfig;
import io.wharf.image.domain.registry.Descriptor;
import io.wharf.image.domain.registry.Manifest;
import io.wharf.image.domain.registry.ManifestTypes;
import io.wharf.image.domain.registry.ProgressMessage;
import io.wharf.image.store.ImageLayer;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.jboss.logging.Logger;

/**
 * {@code docker push}: for each tag, the layers (top first in the progress, uploaded in parallel, skipped
 * when the registry has them, mounted from another repository of the same registry when one is known to
 * hold them), then the config, then the manifest, whose digest becomes a RepoDigest; the {@code push} event.
 */
@ApplicationScoped
public class PushService {
    private static final Logger LOG = Logger.getLogger(PushService.class);

    private final RegistryClient registry;
    private final PushSource source;
    private final LayerUpload uploads;
    private final LayerTransfers transfers;
    private final RegistryRecords records;

    public PushService(RegistryClient registry, PushSource source, LayerUpload uploads, LayerTransfers transfers,
            RegistryRecords records) {
        this.registry = registry;
        this.source = source;
        this.uploads = uploads;
        this.transfers = transfers;
        this.records = records;
    }

    /** The reference {@code name} and {@code tag} name; no tag anywhere means every local tag of the repository. */
    public static Reference target(String name, String tag) {
        Reference ref = Reference.parse(name);
        if (ref.hasDigest()) {
            throw WharfException.invalid("cannot push a digest reference");
        }
        return tag == null || tag.isEmpty() ? ref : ref.withTag(tag);
    }

    /** Checks what can be checked before the stream starts: the local images (404 otherwise). */
    public List<PushSource.Tagged> prepare(Reference ref) {
        return source.images(ref);
    }

    @WithSpan
    public void push(Reference ref, List<PushSource.Tagged> images, AuthConfig auth, ProgressSink out) {
        RegistrySession session = registry.session(ref.domain(), auth,
                List.of(RegistryClient.scope(ref.path(), "pull,push")));
        out.send(ProgressMessage.status(null, "The push refers to repository [" + ref.name() + "]"));
        for (PushSource.Tagged tagged : images) {
            pushOne(session, tagged, out);
        }
    }

    private void pushOne(RegistrySession session, PushSource.Tagged tagged, ProgressSink out) {
        Reference ref = tagged.reference();
        List<ImageLayer> layers = tagged.image().layers;
        for (int i = layers.size() - 1; i >= 0; i--) {
            out.send(ProgressMessage.status(Digest.parse(layers.get(i).diffId).shortId(), "Preparing"));
        }
        List<Future<Descriptor>> futures = new ArrayList<>();
        for (int i = layers.size() - 1; i >= 0; i--) {
            ImageLayer layer = layers.get(i);
            futures.add(transfers.threads().submit(() -> uploads.push(session, ref, layer, out)));
        }
        List<Descriptor> pushed = new ArrayList<>();
        RuntimeException failure = null;
        for (Future<Descriptor> future : futures) {
            try {
                pushed.add(0, future.get());
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r
                            : new WharfException(ErrorKind.SYSTEM, String.valueOf(e.getCause().getMessage()), e.getCause());
                    futures.forEach(f -> f.cancel(true));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WharfException(ErrorKind.SYSTEM, "interrupted", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        boolean oci = pushed.stream().anyMatch(d -> d.mediaType().startsWith("application/vnd.oci."));
        byte[] config = tagged.image().configJson.getBytes(StandardCharsets.UTF_8);
        Descriptor configDescriptor = Descriptor.of(oci ? ManifestTypes.OCI_CONFIG : MediaTypes.IMAGE_CONFIG,
                Digest.parse(tagged.image().id), config.length);
        uploads.pushConfig(session, ref, configDescriptor.digest(), config);
        String manifestType = oci ? ManifestTypes.OCI_MANIFEST : ManifestTypes.DOCKER_MANIFEST;
        byte[] manifest = Manifest.write(manifestType, configDescriptor, pushed);
        Digest digest = registry.putManifest(session, ref.path(), ref.tag(), manifestType, manifest);
        records.registerPush(tagged.image().id, ref.withDigest(digest), ref);
        out.send(ProgressMessage.status(null, ref.tag() + ": digest: " + digest + " size: " + manifest.length));
        Map<String, Object> aux = new LinkedHashMap<>();
        aux.put("Tag", ref.tag());
        aux.put("Digest", digest.toString());
        aux.put("Size", manifest.length);
        out.send(ProgressMessage.aux(aux));
        LOG.infof("pushed %s as %s", ref, digest);
    }
}

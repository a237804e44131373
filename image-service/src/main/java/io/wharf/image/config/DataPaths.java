package io.wharf.image.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where image-service keeps its files: {@code <wharf.data-root>/image-service}. (A {@code @ConfigMapping}
 * on the shared {@code wharf} prefix would reject the keys other parts of the platform own.)
 */
@ApplicationScoped
public class DataPaths {
    private final Path serviceDir;

    public DataPaths(@ConfigProperty(name = "wharf.data-root") String dataRoot) {
        this.serviceDir = Path.of(dataRoot).toAbsolutePath().resolve("image-service");
    }

    /** This service's own directory under the data root. */
    public Path serviceDir() {
        return serviceDir;
    }

    /** Where the host agent on this host unpacks a layer ({@code <data-root>/snapshots/<diffId hex>/fs}). */
    public Path snapshotDir(String diffIdHex) {
        return serviceDir.getParent().resolve("snapshots").resolve(diffIdHex);
    }

    /** The content store: blobs by digest. */
    public Path blobDir() {
        return serviceDir.resolve("blobs").resolve("sha256");
    }
}

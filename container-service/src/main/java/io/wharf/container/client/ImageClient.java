package io.wharf.container.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.common.error.ErrorKind;
import io.wharf.common.error.WharfException;
import io.wharf.container.domain.LayerRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** What the agent asks image-service: image configs and layer lists (blobs: {@link BlobFetcher}). */
@ApplicationScoped
public class ImageClient {
    private final ImageServiceApi api;

    public ImageClient(@RestClient ImageServiceApi api) {
        this.api = api;
    }

    public JsonNode inspect(String ref) {
        try {
            return api.inspect(ref);
        } catch (ProcessingException e) {
            throw unavailable(e);
        }
    }

    public List<LayerRef> layers(String imageId) {
        try {
            return api.layers(imageId);
        } catch (ProcessingException e) {
            throw unavailable(e);
        }
    }

    private static WharfException unavailable(ProcessingException e) {
        if (e.getCause() instanceof WharfException w) {
            return w;
        }
        return new WharfException(ErrorKind.UNAVAILABLE, "image-service is unavailable: " + e.getMessage(), e);
    }
}

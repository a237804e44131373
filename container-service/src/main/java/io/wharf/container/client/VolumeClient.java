package io.wharf.container.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.common.error.ErrorKind;
import io.wharf.common.error.WharfException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** What the agent asks volume-service (synchronously, so usage is read-your-writes across services). */
@ApplicationScoped
public class VolumeClient {
    private final VolumeServiceApi api;

    public VolumeClient(@RestClient VolumeServiceApi api) {
        this.api = api;
    }

    public JsonNode acquire(String containerId, JsonNode body) {
        return call(() -> api.acquire(containerId, body));
    }

    public JsonNode release(String containerId, boolean removeAnonymous) {
        return call(() -> api.release(containerId, removeAnonymous));
    }

    public String mount(String containerId, String name) {
        return call(() -> api.mount(containerId, name)).path("Mountpoint").asText("");
    }

    public void unmount(String containerId, String name) {
        call(() -> api.unmount(containerId, name));
    }

    private static JsonNode call(Supplier<JsonNode> request) {
        try {
            return request.get();
        } catch (ProcessingException e) {
            if (e.getCause() instanceof WharfException w) {
                throw w;
            }
            throw new WharfException(ErrorKind.UNAVAILABLE, "volume-service is unavailable: " + e.getMessage(), e);
        }
    }
}

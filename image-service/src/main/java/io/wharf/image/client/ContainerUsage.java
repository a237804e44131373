package io.wharf.image.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.wharf.common.error.ErrorKind;
import io.wharf.common.error.WharfException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Which containers use an image: what {@code docker rmi} and {@code docker image prune} must respect.
 * container-service owns containers, so this asks it synchronously at the moment of the decision
 * ({@code GET /internal/v1/image-usage}) rather than keeping an event-fed copy that could lag behind a
 * {@code docker create} or {@code rm} the user just saw succeed. Unreachable container-service: 503,
 * never "unused".
 */
@ApplicationScoped
public class ContainerUsage {

    /** A container using an image. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record User(@JsonProperty("Id") String containerId, @JsonProperty("ImageID") String imageId,
            @JsonProperty("Running") boolean running) {
    }

    private final ContainerServiceApi api;

    public ContainerUsage(@RestClient ContainerServiceApi api) {
        this.api = api;
    }

    /** Every container, running ones first. */
    public List<User> users() {
        try {
            return api.imageUsage();
        } catch (ProcessingException e) {
            if (e.getCause() instanceof WharfException w) {
                throw w;
            }
            throw new WharfException(ErrorKind.UNAVAILABLE,
                    "cannot tell which containers use images: container-service is unavailable: " + e.getMessage(), e);
        }
    }

    /** A container created from {@code imageId}, running ones first, or empty. */
    public Optional<User> findUser(String imageId) {
        return users().stream().filter(u -> imageId.equals(u.imageId())).findFirst();
    }

    /** Ids of the images at least one container uses. */
    public Set<String> imagesInUse() {
        Set<String> ids = new LinkedHashSet<>();
        users().forEach(u -> ids.add(u.imageId()));
        return ids;
    }

    /** How many containers use each image. */
    public Map<String, Long> countByImage() {
        Map<String, Long> counts = new HashMap<>();
        users().forEach(u -> counts.merge(u.imageId(), 1L, Long::sum));
        return counts;
    }
}

package io.wharf.image.client;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Which container, if any, uses an image: what {@code docker rmi} must refuse (409) while a
 * container exists. The one place image deletion asks about containers.
 */
@ApplicationScoped
public class ContainerUsage {

    /** A container using an image. */
    public record User(String containerId, boolean running) {
    }

    /**
     * A container created from {@code imageId}, running ones first, or empty.
     *
     * <p>TODO(container-service): ask container-service synchronously
     * ({@code GET /internal/v1/containers?filters={"ancestor":[id]}} or a dedicated endpoint) so rmi
     * is read-your-writes with rm; until then no image is ever considered in use.
     */
    public Optional<User> findUser(String imageId) {
        return Optional.empty();
    }
}

package io.wharf.container.rest;

import io.smallrye.common.annotation.Blocking;
import io.wharf.container.service.ImageUsage;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Which containers of this host use which image: what image-service asks before {@code docker rmi}
 * and {@code docker image prune} (container-service is the source of truth, read synchronously).
 */
@Path("/internal/v1/image-usage")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ImageUsageResource {
    private final ImageUsage usage;

    public ImageUsageResource(ImageUsage usage) {
        this.usage = usage;
    }

    /** {@code [{"Id","ImageID","Running"}]}, running containers first. */
    @GET
    public List<ImageUsage.User> list() {
        return usage.users();
    }
}

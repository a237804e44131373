package io.wharf.image.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.wharf.image.service.ImageInspector;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** image-service's share of {@code docker info}. */
@Path("/internal/v1/info")
@Produces(MediaType.APPLICATION_JSON)
public class InfoResource {

    /** The counts this service contributes. */
    public record Info(@JsonProperty("Images") long images) {
    }

    private final ImageInspector inspector;

    public InfoResource(ImageInspector inspector) {
        this.inspector = inspector;
    }

    @GET
    public Info info() {
        return new Info(inspector.count());
    }
}

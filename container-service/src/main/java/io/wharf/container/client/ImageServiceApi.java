package io.wharf.container.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.wharf.container.domain.LayerRef;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** image-service's internal API, as far as the host agent needs it. */
@RegisterRestClient(configKey = "image-service")
@Path("/internal/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface ImageServiceApi {

    /** Docker's ImageInspect for a reference or id; 404 {@code No such image: <ref>}. */
    @GET
    @Path("/images/inspect")
    JsonNode inspect(@QueryParam("ref") String ref);

    /** The image's layers, bottom first. */
    @GET
    @Path("/images/layers")
    List<LayerRef> layers(@QueryParam("ref") String ref);

    /** image-service's errors keep their kind and Docker message. */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return ServiceErrors.from(response, "image-service");
    }
}

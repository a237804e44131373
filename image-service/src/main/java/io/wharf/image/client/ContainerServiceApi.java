package io.wharf.image.client;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.wharf.common.error.ErrorKind;
import io.wharf.common.error.WharfException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** container-service's internal API, as far as image-service needs it. */
@RegisterRestClient(configKey = "container-service")
@Path("/internal/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface ContainerServiceApi {

    /** Every container with its image id, running ones first. */
    @GET
    @Path("/image-usage")
    List<ContainerUsage.User> imageUsage();

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return new WharfException(ErrorKind.UNAVAILABLE,
                "cannot tell which containers use images: container-service answered " + response.getStatus());
    }
}

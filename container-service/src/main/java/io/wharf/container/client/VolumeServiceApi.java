package io.wharf.container.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.wharf.common.error.ErrorKind;
import io.wharf.common.error.WharfException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** volume-service's API for the host agent: a container's volume references and mounts. */
@RegisterRestClient(configKey = "volume-service")
@Path("/internal/v1/volume-usage")
@Produces(MediaType.APPLICATION_JSON)
public interface VolumeServiceApi {

    /** Creates missing volumes and references them all for the container; answers each volume. */
    @POST
    @Path("/{container}")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode acquire(@PathParam("container") String container, JsonNode body);

    @DELETE
    @Path("/{container}")
    JsonNode release(@PathParam("container") String container, @QueryParam("removeAnonymous") boolean removeAnonymous);

    @POST
    @Path("/{container}/mount/{name}")
    JsonNode mount(@PathParam("container") String container, @PathParam("name") String name);

    @POST
    @Path("/{container}/unmount/{name}")
    JsonNode unmount(@PathParam("container") String container, @PathParam("name") String name);

    /** volume-service's errors keep their kind and Docker message. */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        String message = "volume-service answered " + response.getStatus();
        try {
            JsonNode body = response.readEntity(JsonNode.class);
            if (body != null && body.hasNonNull("message")) {
                message = body.get("message").asText();
            }
        } catch (RuntimeException ignored) {
            // not a Docker error body
        }
        return new WharfException(ErrorKind.fromHttpStatus(response.getStatus()), message);
    }
}

package io.wharf.container.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** network-service's internal API, as far as the host agent needs it (networks and address leases). */
@RegisterRestClient(configKey = "network-service")
@Path("/internal/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface NetworkServiceApi {

    /** Docker's NetworkResource; 404 {@code network X not found}. */
    @GET
    @Path("/networks/{id}")
    JsonNode inspect(@PathParam("id") String network);

    /** Joins a container: the endpoint settings (address, MAC, gateway, bridge settings). */
    @POST
    @Path("/networks/{id}/endpoints")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode connect(@PathParam("id") String network, JsonNode request);

    @DELETE
    @Path("/networks/{id}/endpoints/{container}")
    void disconnect(@PathParam("id") String network, @PathParam("container") String containerId);

    @DELETE
    @Path("/endpoints")
    void releaseAll(@QueryParam("container") String containerId);

    /** network-service's errors keep their kind and Docker message. */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return ServiceErrors.from(response, "network-service");
    }
}

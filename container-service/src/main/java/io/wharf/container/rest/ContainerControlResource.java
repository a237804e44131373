package io.wharf.container.rest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.common.annotation.Blocking;
import io.wharf.common.error.WharfException;
import io.wharf.container.service.PauseService;
import io.wharf.container.service.TopService;
import io.wharf.container.service.UpdateService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** pause, unpause, update and top of a container (stats: {@link StatsRoute}). */
@Path("/internal/v1/containers")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ContainerControlResource {
    private final PauseService pauses;
    private final UpdateService updates;
    private final TopService top;

    public ContainerControlResource(PauseService pauses, UpdateService updates, TopService top) {
        this.pauses = pauses;
        this.updates = updates;
        this.top = top;
    }

    @POST
    @Path("/{id}/pause")
    public Response pause(@PathParam("id") String id) {
        pauses.pause(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/unpause")
    public Response unpause(@PathParam("id") String id) {
        pauses.unpause(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/update")
    @Consumes(MediaType.APPLICATION_JSON)
    public ObjectNode update(@PathParam("id") String id, ObjectNode body) {
        if (body == null) {
            throw WharfException.invalid("Update body cannot be empty");
        }
        updates.update(id, body);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.putArray("Warnings");
        return out;
    }

    @GET
    @Path("/{id}/top")
    public ObjectNode top(@PathParam("id") String id, @QueryParam("ps_args") String psArgs) {
        return top.top(id, psArgs);
    }
}

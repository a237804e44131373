package io.wharf.container.rest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.common.annotation.Blocking;
import io.wharf.container.domain.ExecConfig;
import io.wharf.container.service.ExecService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code POST /containers/{id}/exec}: a new exec instance (started by {@link ExecStartRoute}). */
@Path("/internal/v1/containers")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ExecCreateResource {
    private final ExecService execs;

    public ExecCreateResource(ExecService execs) {
        this.execs = execs;
    }

    @POST
    @Path("/{id}/exec")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("id") String id, ObjectNode body) {
        String execId = execs.create(id, ExecConfig.parse(body));
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("Id", execId);
        return Response.status(Response.Status.CREATED).entity(out).build();
    }
}

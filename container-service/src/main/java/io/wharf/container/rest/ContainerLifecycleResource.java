package io.wharf.container.rest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.common.annotation.Blocking;
import io.wharf.container.service.ContainerPruner;
import io.wharf.container.service.ContainerRenamer;
import io.wharf.container.service.ContainerRestarter;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** rename, restart and prune. */
@Path("/internal/v1/containers")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ContainerLifecycleResource {
    private final ContainerRenamer renamer;
    private final ContainerRestarter restarter;
    private final ContainerPruner pruner;

    public ContainerLifecycleResource(ContainerRenamer renamer, ContainerRestarter restarter, ContainerPruner pruner) {
        this.renamer = renamer;
        this.restarter = restarter;
        this.pruner = pruner;
    }

    @POST
    @Path("/{id}/rename")
    public Response rename(@PathParam("id") String id, @QueryParam("name") String name) {
        renamer.rename(id, name);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/restart")
    public Response restart(@PathParam("id") String id, @QueryParam("t") Integer timeout) {
        restarter.restart(id, timeout);
        return Response.noContent().build();
    }

    @POST
    @Path("/prune")
    public ObjectNode prune(@QueryParam("filters") String filters) {
        ContainerPruner.Report report = pruner.prune(filters);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (report.deleted().isEmpty()) {
            out.putNull("ContainersDeleted");
        } else {
            report.deleted().forEach(out.putArray("ContainersDeleted")::add);
        }
        out.put("SpaceReclaimed", report.reclaimed());
        return out;
    }
}

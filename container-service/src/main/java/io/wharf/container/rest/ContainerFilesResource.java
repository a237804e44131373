package io.wharf.container.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.smallrye.common.annotation.Blocking;
import io.wharf.container.runtime.LayerChanges;
import io.wharf.container.service.ContainerFiles;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;

/** {@code docker diff}, {@code docker export} and {@code docker cp}. */
@Path("/internal/v1/containers")
@Blocking
public class ContainerFilesResource {
    static final String PATH_STAT = "X-Docker-Container-Path-Stat";
    private static final String TAR = "application/x-tar";

    private final ContainerFiles files;

    public ContainerFilesResource(ContainerFiles files) {
        this.files = files;
    }

    @GET
    @Path("/{id}/changes")
    @Produces(MediaType.APPLICATION_JSON)
    public ArrayNode changes(@PathParam("id") String id) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (LayerChanges.Change change : files.changes(id)) {
            out.addObject().put("Path", change.path()).put("Kind", change.kind());
        }
        return out;
    }

    @GET
    @Path("/{id}/export")
    @Produces(TAR)
    public Response export(@PathParam("id") String id) {
        String resolved = files.resolve(id).id;
        StreamingOutput body = out -> files.export(resolved, out);
        return Response.ok(body, TAR).build();
    }

    @HEAD
    @Path("/{id}/archive")
    public Response stat(@PathParam("id") String id, @QueryParam("path") String path) {
        return Response.ok().header(PATH_STAT, files.stat(id, path)).build();
    }

    @GET
    @Path("/{id}/archive")
    @Produces(TAR)
    public Response archive(@PathParam("id") String id, @QueryParam("path") String path) {
        String stat = files.stat(id, path);
        StreamingOutput body = out -> files.archive(id, path, out);
        return Response.ok(body, TAR).header(PATH_STAT, stat).build();
    }

    @PUT
    @Path("/{id}/archive")
    @Consumes(MediaType.WILDCARD)
    public Response extract(@PathParam("id") String id, @QueryParam("path") String path,
            @QueryParam("noOverwriteDirNonDir") String noOverwrite, InputStream tar) {
        files.extract(id, path, ContainerResource.truthy(noOverwrite), tar);
        return Response.ok().build();
    }
}

package io.wharf.container.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.common.annotation.Blocking;
import io.wharf.common.error.WharfException;
import io.wharf.container.service.ContainerCreator;
import io.wharf.container.service.ContainerListing;
import io.wharf.container.service.ContainerLookup;
import io.wharf.container.service.ContainerRemover;
import io.wharf.container.service.ContainerStarter;
import io.wharf.container.service.ContainerStopper;
import io.wharf.container.service.RestartSupervisor;
import io.wharf.container.store.ContainerEntity;
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
import java.time.Instant;

/** The container part of the Docker Engine API, as the gateway forwards it (attach: {@link AttachRoute}). */
@Path("/internal/v1/containers")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ContainerResource {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ContainerCreator creator;
    private final ContainerStarter starter;
    private final ContainerStopper stopper;
    private final ContainerRemover remover;
    private final ContainerLookup lookup;
    private final ContainerViews views;
    private final ContainerListing listing;
    private final RestartSupervisor restarts;

    public ContainerResource(ContainerCreator creator, ContainerStarter starter, ContainerStopper stopper,
            ContainerRemover remover, ContainerLookup lookup, ContainerViews views, ContainerListing listing,
            RestartSupervisor restarts) {
        this.creator = creator;
        this.starter = starter;
        this.stopper = stopper;
        this.remover = remover;
        this.lookup = lookup;
        this.views = views;
        this.listing = listing;
        this.restarts = restarts;
    }

    @POST
    @Path("/create")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@QueryParam("name") String name, ObjectNode body) {
        if (body == null) {
            throw WharfException.invalid("Config cannot be empty in order to create a container");
        }
        String id = creator.create(name, body);
        ObjectNode out = JSON.objectNode();
        out.put("Id", id);
        out.putArray("Warnings");
        return Response.status(Response.Status.CREATED).entity(out).build();
    }

    @POST
    @Path("/{id}/start")
    public Response start(@PathParam("id") String id) {
        restarts.startedByUser(lookup.resolve(id).id);
        starter.start(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/stop")
    public Response stop(@PathParam("id") String id, @QueryParam("t") Integer timeout) {
        stopper.stop(id, timeout);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/kill")
    public Response kill(@PathParam("id") String id, @QueryParam("signal") String signal) {
        stopper.kill(id, signal);
        return Response.noContent().build();
    }

    @DELETE
    @Path("/{id}")
    public Response remove(@PathParam("id") String id, @QueryParam("force") String force, @QueryParam("v") String volumes) {
        remover.remove(id, truthy(force), truthy(volumes));
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/json")
    public ObjectNode inspect(@PathParam("id") String id, @QueryParam("size") String size) {
        return views.inspect(lookup.resolve(id), truthy(size));
    }

    @GET
    @Path("/json")
    public ArrayNode list(@QueryParam("all") String all, @QueryParam("limit") Integer limit,
            @QueryParam("size") String size, @QueryParam("filters") String filters) {
        Instant now = Instant.now();
        ArrayNode out = JSON.arrayNode();
        for (ContainerEntity c : listing.list(truthy(all), limit, filters)) {
            out.add(views.summary(c, truthy(size), now));
        }
        return out;
    }

    /** moby's httputils.BoolValue: anything but empty, 0, no, false and none. */
    static boolean truthy(String value) {
        if (value == null) {
            return false;
        }
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        return !(v.isEmpty() || v.equals("0") || v.equals("no") || v.equals("false") || v.equals("none"));
    }
}

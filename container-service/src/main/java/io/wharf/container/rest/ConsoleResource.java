package io.wharf.container.rest;

import io.smallrye.common.annotation.Blocking;
import io.wharf.common.error.WharfException;
import io.wharf.container.service.ConsoleService;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/** A running container's terminal (logs: {@link LogsRoute}; attach: {@link AttachRoute}). */
@Path("/internal/v1/containers")
@Blocking
public class ConsoleResource {
    private final ConsoleService console;

    public ConsoleResource(ConsoleService console) {
        this.console = console;
    }

    @POST
    @Path("/{id}/resize")
    public Response resize(@PathParam("id") String id, @QueryParam("h") String h, @QueryParam("w") String w) {
        console.resize(id, size(h), size(w));
        return Response.ok().build();
    }

    /** A terminal dimension from the query, with dockerd's message for one that is not a number. */
    static int size(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw WharfException.invalid("strconv.Atoi: parsing \"" + value + "\": invalid syntax");
        }
    }
}

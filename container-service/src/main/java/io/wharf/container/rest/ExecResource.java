package io.wharf.container.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.common.annotation.Blocking;
import io.wharf.common.error.WharfException;
import io.wharf.container.domain.ExecConfig;
import io.wharf.container.service.ExecService;
import io.wharf.container.service.ExecSession;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/** {@code GET /exec/{id}/json} and {@code POST /exec/{id}/resize} (start: {@link ExecStartRoute}). */
@Path("/internal/v1/exec")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ExecResource {
    private final ExecService execs;

    public ExecResource(ExecService execs) {
        this.execs = execs;
    }

    @GET
    @Path("/{id}/json")
    public ObjectNode inspect(@PathParam("id") String id) {
        ExecSession s = execs.inspect(id);
        ExecConfig c = s.config();
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("ID", s.id());
        o.put("Running", s.running());
        if (s.exitCode() == null) {
            o.putNull("ExitCode");
        } else {
            o.put("ExitCode", s.exitCode());
        }
        ObjectNode p = o.putObject("ProcessConfig");
        p.put("tty", c.tty());
        p.put("entrypoint", c.cmd().get(0));
        ArrayNode args = p.putArray("arguments");
        c.cmd().stream().skip(1).forEach(args::add);
        p.put("privileged", c.privileged());
        if (!c.user().isEmpty()) {
            p.put("user", c.user());
        }
        o.put("OpenStdin", c.attachStdin());
        o.put("OpenStderr", c.attachStderr());
        o.put("OpenStdout", c.attachStdout());
        o.put("CanRemove", false);
        o.put("ContainerID", s.containerId());
        o.put("DetachKeys", "");
        o.put("Pid", s.pid());
        return o;
    }

    /** Sets the exec's terminal size; nothing to do for an exec without one or no longer running. */
    @POST
    @Path("/{id}/resize")
    public Response resize(@PathParam("id") String id, @QueryParam("h") String h, @QueryParam("w") String w) {
        int height = ConsoleResource.size(h);
        int width = ConsoleResource.size(w);
        try {
            execs.inspect(id).resize(height, width);
        } catch (IOException e) {
            throw WharfException.system("cannot resize exec " + id + ": " + e.getMessage(), e);
        }
        return Response.ok().build();
    }
}

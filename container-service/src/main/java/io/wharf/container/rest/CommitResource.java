package io.wharf.container.rest;

import io.smallrye.common.annotation.Blocking;
import io.wharf.container.service.CommitService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** {@code POST /commit}: Docker's query parameters, the optional Config as body; 201 {@code {"Id"}}. */
@Path("/internal/v1/commit")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class CommitResource {
    private final CommitService commits;

    public CommitResource(CommitService commits) {
        this.commits = commits;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response commit(String body, @QueryParam("container") String container, @QueryParam("repo") String repo,
            @QueryParam("tag") String tag, @QueryParam("comment") String comment,
            @QueryParam("author") String author, @QueryParam("pause") String pause,
            @QueryParam("changes") List<String> changes) {
        boolean freeze = pause == null || pause.isEmpty() || "1".equals(pause) || "true".equalsIgnoreCase(pause);
        String id = commits.commit(new CommitService.Options(container == null ? "" : container, repo, tag, comment,
                author, freeze, changes, body));
        return Response.status(Response.Status.CREATED).entity(Map.of("Id", id)).build();
    }
}

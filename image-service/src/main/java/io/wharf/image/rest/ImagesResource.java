package io.wharf.image.rest;

import io.smallrye.common.annotation.Blocking;
import io.wharf.image.domain.DeleteResponseItem;
import io.wharf.image.domain.HistoryItem;
import io.wharf.image.domain.ImageDiskUsage;
import io.wharf.image.domain.PruneReport;
import io.wharf.image.domain.ImageInspect;
import io.wharf.image.domain.ImageSummary;
import io.wharf.image.domain.ImportResult;
import io.wharf.image.domain.LayerDescriptor;
import io.wharf.image.service.DeleteService;
import io.wharf.image.service.ImageCatalog;
import io.wharf.image.service.ImageInspector;
import io.wharf.image.service.ImageLister;
import io.wharf.image.service.ImportService;
import io.wharf.image.service.ListFilters;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.List;

/** Internal image API for the gateway and the other services; response shapes are Docker's. */
@Path("/internal/v1/images")
@Produces(MediaType.APPLICATION_JSON)
public class ImagesResource {
    private final ImportService importer;
    private final ImageInspector inspector;
    private final ImageLister lister;
    private final ImageCatalog catalog;
    private final DeleteService deleter;
    private final LocalImageOperations local;

    public ImagesResource(ImportService importer, ImageInspector inspector, ImageLister lister, ImageCatalog catalog,
            DeleteService deleter, LocalImageOperations local) {
        this.importer = importer;
        this.inspector = inspector;
        this.lister = lister;
        this.catalog = catalog;
        this.deleter = deleter;
        this.local = local;
    }

    /** {@code docker import}: the body is a tar stream, plain or gzip; streamed to disk. */
    @POST
    @Path("import")
    @Consumes(MediaType.WILDCARD)
    @Blocking
    public ImportResult importImage(InputStream body, @QueryParam("repo") String repo, @QueryParam("tag") String tag,
            @QueryParam("message") String message, @QueryParam("changes") List<String> changes) {
        return new ImportResult(importer.importImage(body, repo, tag, message, changes));
    }

    @GET
    @Path("inspect")
    public ImageInspect inspect(@QueryParam("ref") String ref) {
        return inspector.inspect(ref);
    }

    /** The layers, bottom first, for container-service to fetch from /internal/v1/blobs. */
    @GET
    @Path("layers")
    public List<LayerDescriptor> layers(@QueryParam("ref") String ref) {
        return inspector.layers(ref);
    }

    @GET
    @Path("json")
    public List<ImageSummary> list(@QueryParam("all") String all, @QueryParam("filters") String filters,
            @QueryParam("digests") String digests) {
        return lister.list(ListFilters.parse(filters));
    }

    @POST
    @Path("tag")
    public Response tag(@QueryParam("ref") String ref, @QueryParam("repo") String repo, @QueryParam("tag") String tag) {
        catalog.tag(ref, repo, tag);
        return Response.status(Response.Status.CREATED).build();
    }

    @DELETE
    public List<DeleteResponseItem> delete(@QueryParam("ref") String ref, @QueryParam("force") String force,
            @QueryParam("noprune") String noprune) {
        return deleter.delete(ref, QueryFlags.isTrue(force), QueryFlags.isTrue(noprune));
    }

    @GET
    @Path("history")
    public List<HistoryItem> history(@QueryParam("ref") String ref) {
        return local.history().history(ref);
    }

    @POST
    @Path("prune")
    @Blocking
    public PruneReport prune(@QueryParam("filters") String filters) {
        return local.pruner().prune(filters);
    }

    /** image-service's part of {@code GET /system/df}. */
    @GET
    @Path("df")
    @Blocking
    public ImageDiskUsage diskUsage() {
        return local.diskUsage().usage();
    }

    /** {@code docker load}: the body is a docker-archive or OCI layout tar (optionally gzip); Docker's JSON message stream back. */
    @POST
    @Path("load")
    @Consumes(MediaType.WILDCARD)
    @Blocking
    public Response load(InputStream body, @QueryParam("quiet") String quiet) {
        return Response.ok(ProgressLines.of(local.loader().load(body)), MediaType.APPLICATION_JSON).build();
    }

    /** {@code docker save}: {@code names} (repeated, the API's {@code /images/get}) or {@code ref} ({@code /images/{name}/get}). */
    @GET
    @Path("get")
    @Blocking
    public Response save(@QueryParam("names") List<String> names, @QueryParam("ref") String ref) {
        List<String> all = new java.util.ArrayList<>(names == null ? List.of() : names);
        if (ref != null) {
            all.add(0, ref);
        }
        var job = local.saver().prepare(all);
        StreamingOutput stream = out -> local.saver().write(job, out);
        return Response.ok(stream, "application/x-tar").build();
    }

    /** {@code docker commit}, image side: the body is the container's layer tar; its Config comes base64 in a header. */
    @POST
    @Path("commit")
    @Consumes(MediaType.WILDCARD)
    @Blocking
    public ImportResult commit(InputStream body, @QueryParam("parent") String parent,
            @QueryParam("container") String container, @HeaderParam("X-Wharf-Container-Config") String config,
            @QueryParam("repo") String repo, @QueryParam("tag") String tag, @QueryParam("comment") String comment,
            @QueryParam("author") String author, @QueryParam("changes") List<String> changes) {
        String json = config == null ? "{}" : new String(java.util.Base64.getDecoder().decode(config),
                java.nio.charset.StandardCharsets.UTF_8);
        return new ImportResult(importer.commitImage(body, parent, container, json, repo, tag, comment, author,
                changes));
    }
}

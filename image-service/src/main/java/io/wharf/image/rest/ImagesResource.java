package io.wharf.image.rest;

import io.smallrye.common.annotation.Blocking;
import io.wharf.image.domain.DeleteResponseItem;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

    public ImagesResource(ImportService importer, ImageInspector inspector, ImageLister lister, ImageCatalog catalog,
            DeleteService deleter) {
        this.importer = importer;
        this.inspector = inspector;
        this.lister = lister;
        this.catalog = catalog;
        this.deleter = deleter;
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
}

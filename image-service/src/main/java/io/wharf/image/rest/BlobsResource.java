package io.wharf.image.rest;

import io.wharf.common.error.WharfException;
import io.wharf.image.domain.Digest;
import io.wharf.image.store.BlobStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/**
 * Raw blobs by digest, OCI-distribution style: what host agents fetch, verify and unpack. Sent with
 * {@code Content-Length} and {@code Docker-Content-Digest}.
 */
@Path("/internal/v1/blobs/{digest}")
public class BlobsResource {
    static final String DIGEST_HEADER = "Docker-Content-Digest";

    private final BlobStore blobs;

    public BlobsResource(BlobStore blobs) {
        this.blobs = blobs;
    }

    @GET
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public Response get(@PathParam("digest") String digest) {
        Digest d = Digest.parse(digest);
        java.nio.file.Path file = blobs.find(d).orElseThrow(() -> unknown(d));
        return Response.ok(file.toFile(), MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header(DIGEST_HEADER, d.toString())
                .build();
    }

    @HEAD
    public Response head(@PathParam("digest") String digest) throws IOException {
        Digest d = Digest.parse(digest);
        if (!blobs.exists(d)) {
            throw unknown(d);
        }
        return Response.ok()
                .type(MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header(HttpHeaders.CONTENT_LENGTH, blobs.size(d))
                .header(DIGEST_HEADER, d.toString())
                .build();
    }

    private static WharfException unknown(Digest digest) {
        return WharfException.notFound("blob unknown: " + digest);
    }
}

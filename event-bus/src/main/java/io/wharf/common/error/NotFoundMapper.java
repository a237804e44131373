package io.wharf.common.error;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** An internal path no resource serves answers as dockerd's router does: 404 "page not found". */
@Provider
public class NotFoundMapper implements ExceptionMapper<NotFoundException> {
    @Override
    public Response toResponse(NotFoundException e) {
        return Response.status(404).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorBody("page not found"))
                .build();
    }
}

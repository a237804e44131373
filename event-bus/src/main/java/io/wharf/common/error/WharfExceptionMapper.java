package io.wharf.common.error;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/** Maps typed failures to Docker's status codes and error body in every service's REST layer. */
@Provider
public class WharfExceptionMapper implements ExceptionMapper<WharfException> {
    private static final Logger LOG = Logger.getLogger(WharfExceptionMapper.class);

    @Override
    public Response toResponse(WharfException e) {
        if (e.kind() == ErrorKind.SYSTEM) {
            LOG.error(e.getMessage(), e);
        }
        if (e.kind() == ErrorKind.NOT_MODIFIED) {
            return Response.notModified().build();
        }
        return Response.status(e.kind().httpStatus())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(e.getMessage()))
                .build();
    }
}

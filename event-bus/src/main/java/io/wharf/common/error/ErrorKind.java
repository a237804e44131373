package io.wharf.common.error;

/**
 * The kinds of failure every service reports, and the one place they map to HTTP status codes
 * (as moby's errdefs do).
 */
public enum ErrorKind {
    INVALID_PARAMETER(400),
    UNAUTHORIZED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    CONFLICT(409),
    NOT_MODIFIED(304),
    NOT_IMPLEMENTED(501),
    UNAVAILABLE(503),
    SYSTEM(500);

    private final int httpStatus;

    ErrorKind(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The kind a status code received from another service stands for. */
    public static ErrorKind fromHttpStatus(int status) {
        for (ErrorKind kind : values()) {
            if (kind.httpStatus == status) {
                return kind;
            }
        }
        return status >= 400 && status < 500 ? INVALID_PARAMETER : SYSTEM;
    }
}

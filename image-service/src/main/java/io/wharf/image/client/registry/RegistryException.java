package io.wharf.image.client.registry;

import io.wharf.common.error.ErrorKind;
import io.wharf.common.error.WharfException;
import io.wharf.image.domain.registry.RegistryErrors;

/** A registry answered with an error: its HTTP status and, when it sent one, its error code. */
public class RegistryException extends WharfException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient RegistryErrors error;

    public RegistryException(ErrorKind kind, int status, RegistryErrors error, String message) {
        super(kind, message);
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    /** The registry's error code ({@code MANIFEST_UNKNOWN}, ...), or empty. */
    public String code() {
        return error == null ? "" : error.code();
    }

    public RegistryErrors error() {
        return error;
    }
}

package io.wharf.image.domain;

import java.io.IOException;

/** The uploaded archive is malformed (bad compression, corrupt or unsafe tar). Its message is shown to the client. */
public class ArchiveFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public ArchiveFormatException(String message) {
        super(message);
    }

    public ArchiveFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.wharf.image.domain;

/** The byte stream is not a well-formed, safe tar archive. Its message is shown to the client. */
public class TarFormatException extends ArchiveFormatException {
    private static final long serialVersionUID = 1L;

    public TarFormatException(String message) {
        super("invalid tar archive: " + message);
    }
}

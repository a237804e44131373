package io.wharf.image.domain.registry;

/** A manifest Wharf cannot use: malformed, or of a type it does not know. */
public class ManifestFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ManifestFormatException(String message) {
        super(message);
    }
}

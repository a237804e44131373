package io.wharf.common.error;

/** A failure of a known kind, whose message is shown to the Docker client as is. */
public class WharfException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;

    public WharfException(ErrorKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public WharfException(ErrorKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public ErrorKind kind() {
        return kind;
    }

    public static WharfException notFound(String message) {
        return new WharfException(ErrorKind.NOT_FOUND, message);
    }

    public static WharfException conflict(String message) {
        return new WharfException(ErrorKind.CONFLICT, message);
    }

    public static WharfException invalid(String message) {
        return new WharfException(ErrorKind.INVALID_PARAMETER, message);
    }

    public static WharfException notModified() {
        return new WharfException(ErrorKind.NOT_MODIFIED, "");
    }

    public static WharfException system(String message, Throwable cause) {
        return new WharfException(ErrorKind.SYSTEM, message, cause);
    }
}

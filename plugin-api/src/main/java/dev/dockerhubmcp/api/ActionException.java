package dev.dockerhubmcp.api;

import static java.util.Objects.requireNonNull;

/**
 * Thrown by the shared clients (and by handlers, when convenient) for a failure that becomes an error
 * result. The host turns it into {@code isError: true} with the error's shape; it is never shown as a
 * stack trace.
 */
public class ActionException extends RuntimeException {
    private final ActionError error;

    public ActionException(ActionError error) {
        super(requireNonNull(error, "error is null").message());
        this.error = error;
    }

    public ActionException(ActionError error, Throwable cause) {
        super(requireNonNull(error, "error is null").message(), cause);
        this.error = error;
    }

    public ActionException(ErrorType type, String message) {
        this(ActionError.of(type, message));
    }

    public static ActionException validation(String message) {
        return new ActionException(ActionError.validation(message));
    }

    public ActionError error() {
        return error;
    }
}

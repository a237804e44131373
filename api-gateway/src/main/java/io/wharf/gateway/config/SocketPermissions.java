package io.wharf.gateway.config;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** The API socket is root's (and its group's) only: mode 0660, as dockerd's. */
@ApplicationScoped
public class SocketPermissions {
    private static final Logger LOG = Logger.getLogger(SocketPermissions.class);
    private static final long CHECK_EVERY_MS = 20;
    private static final int CHECKS = 500;

    private final Path socket;
    private final Vertx vertx;

    public SocketPermissions(@ConfigProperty(name = "quarkus.http.domain-socket") String socket, Vertx vertx) {
        this.socket = Path.of(socket);
        this.vertx = vertx;
    }

    /** The socket appears once the HTTP server has bound it, shortly after start-up. */
    void onStart(@Observes StartupEvent started) {
        int[] checks = {0};
        vertx.setPeriodic(CHECK_EVERY_MS, timer -> {
            if (Files.exists(socket)) {
                vertx.cancelTimer(timer);
                restrict();
            } else if (++checks[0] >= CHECKS) {
                vertx.cancelTimer(timer);
                LOG.warnf("the API socket %s did not appear", socket);
            }
        });
    }

    private void restrict() {
        try {
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw----"));
            LOG.infof("Docker API listening on unix://%s", socket);
        } catch (IOException e) {
            LOG.warnf("cannot set mode 0660 on %s: %s", socket, e.getMessage());
        }
    }
}

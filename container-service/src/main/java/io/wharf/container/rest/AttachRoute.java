package io.wharf.container.rest;

import io.wharf.common.http.HijackedConnection;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.NetSocket;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.wharf.container.domain.DetachKeyScanner;
import io.wharf.container.domain.DetachKeys;
import io.wharf.container.service.AttachService;
import io.wharf.container.service.ContainerLookup;
import io.wharf.container.service.ContainerTransitions;
import io.wharf.container.service.StdinForwarder;
import io.vertx.core.Context;
import io.wharf.container.store.ContainerEntity;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * {@code POST /internal/v1/containers/{id}/attach}: Docker's hijacked connection. A plain Vert.x route,
 * since JAX-RS cannot hand over the socket: the 101 goes out with the stream's content type, then the
 * container's output follows on the raw connection until it exits.
 */
@ApplicationScoped
public class AttachRoute {
    private static final Logger LOG = Logger.getLogger(AttachRoute.class);

    private final ContainerLookup lookup;
    private final ContainerTransitions transitions;
    private final AttachService attach;
    private final StdinForwarder stdin;

    public AttachRoute(ContainerLookup lookup, ContainerTransitions transitions, AttachService attach,
            StdinForwarder stdin) {
        this.lookup = lookup;
        this.transitions = transitions;
        this.attach = attach;
        this.stdin = stdin;
    }

    void init(@Observes Router router) {
        router.post("/internal/v1/containers/:id/attach").order(-100).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        request.pause();
        String ref = ctx.pathParam("id");
        AttachService.Options options = new AttachService.Options(flag(request, "stream"), flag(request, "logs"),
                flag(request, "stdout"), flag(request, "stderr"));
        String detachKeys = request.getParam("detachKeys");
        ctx.vertx().<Prepared>executeBlocking(() -> {
            byte[] keys = DetachKeys.parse(detachKeys);
            ContainerEntity c = lookup.resolve(ref);
            transitions.attached(c.id);
            return new Prepared(c, attach.prepare(c, options), keys);
        }, false).onComplete(result -> {
            if (result.failed()) {
                RouteErrors.fail(request.response(), result.cause());
                return;
            }
            upgrade(request, result.result(), options);
        });
    }

    private record Prepared(ContainerEntity container, AttachService.Attachment attachment, byte[] detachKeys) {
    }

    private void upgrade(HttpServerRequest request, Prepared p, AttachService.Options options) {
        HijackedConnection.upgrade(request, p.container().tty ? HijackedConnection.RAW : HijackedConnection.MULTIPLEXED)
                .onSuccess(socket -> follow(socket, p, options, flag(request, "stdin")))
                .onFailure(e -> {
                    p.attachment().close();
                    LOG.warnf("attach to %s: cannot take over the connection: %s", p.container().id, e.getMessage());
                });
    }

    private void follow(NetSocket socket, Prepared p, AttachService.Options options, boolean withStdin) {
        AttachService.Attachment attachment = p.attachment();
        StdinForwarder.Session input = withStdin ? stdin.open(p.container().id, flow(socket)) : null;
        DetachKeyScanner detach = new DetachKeyScanner(p.detachKeys());
        // without stdin, what the client sends is read and dropped
        socket.handler(data -> {
            if (input == null) {
                return;
            }
            DetachKeyScanner.Scan scan = detach.feed(data.getBytes());
            input.offer(scan.forward());
            if (scan.detached()) {
                // as dockerd: the client goes, the container runs on (stdin closes only for StdinOnce without a TTY);
                // what came before the keys still reaches the container: the session ends once it is sent
                input.detach();
                attachment.close();
                socket.end();
            }
        });
        // the client's end of input (a half-close, kept open by ALLOW_HALF_CLOSURE) ends the container's stdin
        HijackedConnection.onEndOfInput(socket, () -> {
            if (input != null) {
                input.end();
            }
        });
        socket.closeHandler(v -> {
            attachment.close();
            if (input != null) {
                input.close();
            }
        });
        if (!options.stream() && !options.logs()) {
            attachment.close();
            socket.end();
            return;
        }
        attachment.start(new AttachService.Sink() {
            @Override
            public void write(byte[] data) {
                socket.write(Buffer.buffer(data));
            }

            @Override
            public boolean full() {
                return socket.writeQueueFull();
            }

            @Override
            public void end() {
                socket.end();
            }
        });
    }

    private static StdinForwarder.Flow flow(NetSocket socket) {
        Context context = io.vertx.core.Vertx.currentContext();
        return new StdinForwarder.Flow() {
            @Override
            public void pause() {
                context.runOnContext(v -> socket.pause());
            }

            @Override
            public void resume() {
                context.runOnContext(v -> socket.resume());
            }
        };
    }

    private static boolean flag(HttpServerRequest request, String name) {
        return ContainerResource.truthy(request.getParam(name));
    }
}

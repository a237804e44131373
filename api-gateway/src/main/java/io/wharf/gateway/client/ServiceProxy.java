package io.wharf.gateway.client;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import io.wharf.common.http.HijackedConnection;
import io.wharf.common.error.ErrorKind;
import io.wharf.common.error.WharfException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Forwards a Docker API request to a service's internal API and streams the answer back as is:
 * status, Docker's error bodies, and streamed bodies (logs, stats, progress) without buffering.
 */
@ApplicationScoped
public class ServiceProxy {
    private static final List<String> REQUEST_HEADERS = List.of("Content-Type", "Content-Length",
            "Transfer-Encoding", "X-Registry-Auth", "X-Registry-Config", "traceparent", "tracestate");
    private static final List<String> RESPONSE_HEADERS = List.of("Content-Type", "Content-Length",
            "Docker-Content-Digest", "X-Docker-Container-Path-Stat", "Location");

    private final ServiceHttp http;
    private final HijackProxy hijack;

    public ServiceProxy(ServiceHttp http, HijackProxy hijack) {
        this.http = http;
        this.hijack = hijack;
    }

    /** Forwards the current request to {@code baseUrl + path} (path includes any query string). */
    public void forward(RoutingContext ctx, String baseUrl, String path) {
        forward(ctx, ctx.request().method(), baseUrl, path);
    }

    public void forward(RoutingContext ctx, HttpMethod method, String baseUrl, String path) {
        HttpServerRequest in = ctx.request();
        if (HijackedConnection.requested(in)) {
            hijack.tunnel(ctx, baseUrl, path);
            return;
        }
        in.pause();
        RequestOptions options = new RequestOptions().setMethod(method).setAbsoluteURI(baseUrl + path);
        http.client().request(options).compose(out -> {
            copyHeaders(in.headers(), out.headers(), REQUEST_HEADERS);
            if (!out.headers().contains("Content-Length") && !out.headers().contains("Transfer-Encoding")) {
                out.setChunked(hasBody(in));
            }
            in.resume();
            return out.send(in);
        }).onSuccess(answer -> relay(ctx, answer))
                .onFailure(e -> ctx.fail(unavailable(baseUrl, e)));
    }

    private static void relay(RoutingContext ctx, HttpClientResponse answer) {
        HttpServerResponse response = ctx.response();
        if (response.closed()) {
            answer.request().connection().close();
            return;
        }
        response.setStatusCode(answer.statusCode());
        copyHeaders(answer.headers(), response.headers(), RESPONSE_HEADERS);
        if (!response.headers().contains("Content-Length")) {
            // a streamed answer: send the head now, as dockerd does (clients of wait and logs -f wait for it)
            response.setChunked(true);
            response.write(Buffer.buffer());
        }
        response.closeHandler(v -> answer.request().connection().close());
        if (ctx.request().method() == HttpMethod.HEAD) {
            answer.body().onComplete(done -> response.end());
            return;
        }
        // Flush each chunk as it arrives: followed logs and event-like streams must not wait for a buffer.
        answer.handler(response::write);
        answer.exceptionHandler(e -> response.reset());
        answer.endHandler(v -> response.end());
    }

    private static boolean hasBody(HttpServerRequest in) {
        return in.method() == HttpMethod.POST || in.method() == HttpMethod.PUT;
    }

    static void copyHeaders(MultiMap from, MultiMap to, List<String> names) {
        for (String name : names) {
            String value = from.get(name);
            if (value != null) {
                to.set(name, value);
            }
        }
    }

    static WharfException unavailable(String url, Throwable cause) {
        String reason = cause.getMessage() != null && cause.getMessage().contains("Connection refused")
                ? "connection refused" : String.valueOf(cause.getMessage());
        return new WharfException(ErrorKind.UNAVAILABLE, "Wharf service at " + serviceOf(url)
                + " is unavailable: " + reason, cause);
    }

    private static String serviceOf(String url) {
        int scheme = url.indexOf("://");
        int path = url.indexOf('/', scheme + 3);
        return path < 0 ? url : url.substring(0, path);
    }

    /** POSTs the client's request body (streamed) to a service and gives back the answer for the caller to use. */
    public Future<HttpClientResponse> postBody(RoutingContext ctx, String url) {
        HttpServerRequest in = ctx.request();
        return http.client().request(new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url))
                .compose(out -> {
                    copyHeaders(in.headers(), out.headers(), REQUEST_HEADERS);
                    if (!out.headers().contains("Content-Length")) {
                        out.setChunked(true);
                    }
                    in.resume();
                    return out.send(in);
                }).recover(e -> Future.failedFuture(unavailable(url, e)));
    }
}

package io.wharf.gateway.client;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.wharf.common.error.ErrorKind;
import io.wharf.common.error.WharfException;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads JSON documents from the services, for answers the gateway assembles (info, version). */
@ApplicationScoped
public class ServiceClient {
    private final ServiceHttp http;

    public ServiceClient(ServiceHttp http) {
        this.http = http;
    }

    public Future<JsonObject> getJson(String url) {
        return getBody(url).map(io.vertx.core.buffer.Buffer::toJsonObject);
    }

    public Future<io.vertx.core.json.JsonArray> getJsonArray(String url) {
        return getBody(url).map(io.vertx.core.buffer.Buffer::toJsonArray);
    }

    private Future<io.vertx.core.buffer.Buffer> getBody(String url) {
        return http.client().request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
                .setTimeout(10_000))
                .compose(req -> req.send())
                .compose(resp -> resp.body().map(body -> {
                    if (resp.statusCode() / 100 != 2) {
                        throw new WharfException(ErrorKind.fromHttpStatus(resp.statusCode()),
                                messageOf(body.toString()));
                    }
                    return body;
                }))
                .recover(e -> Future.failedFuture(e instanceof WharfException ? e : ServiceProxy.unavailable(url, e)));
    }

    private static String messageOf(String body) {
        try {
            return new JsonObject(body).getString("message", body);
        } catch (RuntimeException e) {
            return body;
        }
    }
}

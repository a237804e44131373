package io.wharf.gateway.client;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import jakarta.enterprise.context.ApplicationScoped;

/** The one pooled HTTP client the gateway uses to reach the services. */
@ApplicationScoped
public class ServiceHttp {
    private final HttpClient client;

    public ServiceHttp(Vertx vertx) {
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setKeepAlive(true)
                .setTcpNoDelay(true)
                .setConnectTimeout(5_000)
                .setDecompressionSupported(false), new PoolOptions().setHttp1MaxSize(64));
    }

    public HttpClient client() {
        return client;
    }
}

package io.wharf.gateway.service;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.wharf.gateway.client.ServiceClient;
import io.wharf.gateway.config.ApiVersions;
import io.wharf.gateway.config.ServerIdentity;
import io.wharf.gateway.config.ServiceEndpoints;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code docker info} and {@code docker version}, assembled from the services: host facts and
 * container counts from the host agent, image counts from image-service, and a component entry
 * for every service and the OCI runtime.
 */
@ApplicationScoped
public class SystemInfo {
    private static final String INFO_PATH = "/internal/v1/info";

    private final ServiceClient client;
    private final ServiceEndpoints services;
    private final ServerIdentity server;

    public SystemInfo(ServiceClient client, ServiceEndpoints services, ServerIdentity server) {
        this.client = client;
        this.services = services;
        this.server = server;
    }

    public Future<JsonObject> info() {
        Map<String, Future<JsonObject>> parts = fetchAll();
        return Future.join(List.copyOf(parts.values())).transform(done -> {
            JsonObject host = parts.get("container-service").result();
            if (host == null) {
                return Future.failedFuture(parts.get("container-service").cause());
            }
            JsonObject info = baseInfo();
            info.mergeIn(host, true);
            JsonArray warnings = new JsonArray();
            Object images = valueOrWarn(parts.get("image-service"), "Images", 0, warnings);
            info.put("Images", images);
            info.put("Warnings", warnings.isEmpty() ? null : warnings);
            info.put("ServerVersion", server.version());
            info.put("SystemTime", Instant.now().toString());
            info.put("ID", engineId(info.getString("Name", "wharf")));
            return Future.succeededFuture(info);
        });
    }

    public Future<JsonObject> version() {
        Map<String, Future<JsonObject>> parts = fetchAll();
        return Future.join(List.copyOf(parts.values())).transform(done -> {
            JsonObject host = parts.get("container-service").succeeded() ? parts.get("container-service").result()
                    : new JsonObject();
            String kernel = host.getString("KernelVersion", "");
            JsonArray components = new JsonArray().add(new JsonObject().put("Name", "Engine")
                    .put("Version", server.version())
                    .put("Details", new JsonObject().put("ApiVersion", ApiVersions.MAX).put("Arch", "amd64")
                            .put("BuildTime", "").put("Experimental", "false").put("GitCommit", "")
                            .put("GoVersion", "java " + Runtime.version()).put("KernelVersion", kernel)
                            .put("MinAPIVersion", ApiVersions.MIN).put("Os", "linux")));
            components.add(component("api-gateway", server.version(), "up"));
            for (Map.Entry<String, Future<JsonObject>> part : parts.entrySet()) {
                Future<JsonObject> f = part.getValue();
                String status = f.succeeded() ? "up" : "unavailable: " + f.cause().getMessage();
                String version = f.succeeded() ? f.result().getString("ServiceVersion", server.version()) : "";
                components.add(component(part.getKey(), version, status));
            }
            JsonObject runc = host.getJsonObject("RuncCommit", new JsonObject());
            components.add(new JsonObject().put("Name", "runc").put("Version", host.getString("RuntimeVersion", host.getString("runtimeVersion", "")))
                    .put("Details", new JsonObject().put("GitCommit", runc.getString("ID", ""))));
            return Future.succeededFuture(new JsonObject()
                    .put("Platform", new JsonObject().put("Name", "Wharf"))
                    .put("Components", components)
                    .put("Version", server.version())
                    .put("ApiVersion", ApiVersions.MAX)
                    .put("MinAPIVersion", ApiVersions.MIN)
                    .put("GitCommit", "")
                    .put("GoVersion", "java " + Runtime.version())
                    .put("Os", "linux")
                    .put("Arch", "amd64")
                    .put("KernelVersion", kernel)
                    .put("BuildTime", ""));
        });
    }

    private Map<String, Future<JsonObject>> fetchAll() {
        Map<String, Future<JsonObject>> parts = new LinkedHashMap<>();
        parts.put("container-service", client.getJson(services.container() + INFO_PATH));
        parts.put("image-service", client.getJson(services.image() + INFO_PATH));
        parts.put("network-service", client.getJson(services.network() + INFO_PATH));
        parts.put("volume-service", client.getJson(services.volume() + INFO_PATH));
        return parts;
    }

    private static Object valueOrWarn(Future<JsonObject> part, String key, Object fallback, JsonArray warnings) {
        if (part.succeeded()) {
            return part.result().getValue(key, fallback);
        }
        warnings.add("WARNING: " + key + " unknown: " + part.cause().getMessage());
        return fallback;
    }

    private static JsonObject component(String name, String version, String status) {
        return new JsonObject().put("Name", name).put("Version", version)
                .put("Details", new JsonObject().put("Status", status));
    }

    /** Fields dockerd always sends that the CLI reads; the host agent's facts are merged over them. */
    private static JsonObject baseInfo() {
        return new JsonObject()
                .put("Containers", 0).put("ContainersRunning", 0).put("ContainersPaused", 0)
                .put("ContainersStopped", 0)
                .put("Driver", "overlay2").put("DriverStatus", new JsonArray())
                .put("Plugins", new JsonObject().put("Volume", new JsonArray().add("local"))
                        .put("Network", new JsonArray().add("bridge").add("host").add("null"))
                        .put("Authorization", null).put("Log", new JsonArray().add("json-file")))
                .put("LoggingDriver", "json-file").put("CgroupDriver", "cgroupfs").put("CgroupVersion", "1")
                .put("NEventsListener", 0).put("OSType", "linux").put("Architecture", "x86_64")
                .put("IndexServerAddress", "https://index.docker.io/v1/")
                .put("RegistryConfig", new JsonObject()
                        .put("AllowNondistributableArtifactsCIDRs", new JsonArray())
                        .put("AllowNondistributableArtifactsHostnames", new JsonArray())
                        .put("InsecureRegistryCIDRs", new JsonArray().add("::1/128").add("127.0.0.0/8"))
                        .put("IndexConfigs", new JsonObject()).put("Mirrors", new JsonArray()))
                .put("GenericResources", null).put("HttpProxy", "").put("HttpsProxy", "").put("NoProxy", "")
                .put("Labels", new JsonArray()).put("ExperimentalBuild", false)
                .put("Runtimes", new JsonObject().put("runc", new JsonObject().put("path", "runc")))
                .put("DefaultRuntime", "runc")
                .put("Swarm", new JsonObject().put("NodeID", "").put("NodeAddr", "").put("LocalNodeState", "inactive")
                        .put("ControlAvailable", false).put("Error", "").put("RemoteManagers", null))
                .put("LiveRestoreEnabled", true).put("Isolation", "").put("InitBinary", "")
                .put("ContainerdCommit", new JsonObject().put("ID", "").put("Expected", ""))
                .put("RuncCommit", new JsonObject().put("ID", "").put("Expected", ""))
                .put("InitCommit", new JsonObject().put("ID", "").put("Expected", ""))
                .put("SecurityOptions", new JsonArray()).put("CDISpecDirs", new JsonArray());
    }

    /** A stable engine id in Docker's XXXX:XXXX:... form, derived from the host name. */
    static String engineId(String name) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(("wharf:" + name).getBytes(StandardCharsets.UTF_8));
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
            StringBuilder id = new StringBuilder();
            for (int i = 0; i < 48; i++) {
                if (i > 0 && i % 4 == 0) {
                    id.append(':');
                }
                id.append(alphabet.charAt((hash[i % hash.length] & 0xff) % 32));
            }
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.wharf.charts;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.charts.Chart.Manifests;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.wharf.charts.Chart.RELEASE;
import static io.wharf.charts.Chart.container;
import static io.wharf.charts.Chart.env;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Renders the chart with the values files under src/test/resources/values and checks the objects. */
class ChartRenderTest {

    private static final List<String> BACKENDS = List.of("image-service", "network-service", "volume-service");
    private static final List<String> DB_SERVICES =
            List.of("container-service", "image-service", "network-service", "volume-service");
    private static final List<String> ALL_SERVICES = List.of(
            "api-gateway", "container-service", "image-service", "network-service", "volume-service");

    private static String name(String component) {
        return RELEASE + "-" + component;
    }

    private static String kindOf(String component) {
        return "container-service".equals(component) ? "DaemonSet" : "Deployment";
    }

    @Test
    void defaultsRenderTheFiveServicesAndEmbeddedKafkaWithoutPostgres() {
        Manifests m = Chart.render("defaults.yaml");

        for (String backend : BACKENDS) {
            m.get("Deployment", name(backend));
            m.get("Service", name(backend));
            m.get("PersistentVolumeClaim", name(backend) + "-data");
            m.get("ConfigMap", name(backend));
        }
        m.get("Deployment", name("api-gateway"));
        m.get("Service", name("api-gateway"));
        m.get("DaemonSet", name("container-service"));
        assertEquals("None", m.get("Service", name("container-service")).path("spec").path("clusterIP").asText());
        m.get("StatefulSet", name("kafka"));
        m.get("Service", name("kafka"));
        m.get("ServiceAccount", RELEASE);

        assertTrue(m.find("StatefulSet", name("postgresql")).isEmpty(), "no PostgreSQL by default");
        assertTrue(m.ofKind("Secret").isEmpty(), "no Secret without PostgreSQL: " + m.names());
        assertTrue(m.ofKind("Job").isEmpty(), "no schema Job without PostgreSQL");
        assertTrue(m.find("Service", name("docker-api")).isEmpty(), "the TCP API is off by default");
        assertEquals(5, m.ofKind("ConfigMap").size(), m.names().toString());

        for (String service : ALL_SERVICES) {
            JsonNode config = m.config(service);
            assertTrue(config.path("WHARF_DB_URL").isMissingNode(), service + " keeps its H2 database");
            assertEquals("wharf-kafka.wharf-system.svc.cluster.local:9092", config.path("WHARF_KAFKA_BOOTSTRAP").asText());
            assertEquals("http://wharf-image-service.wharf-system.svc.cluster.local:7712", config.path("WHARF_IMAGE_URL").asText());
            assertEquals("http://wharf-network-service.wharf-system.svc.cluster.local:7713", config.path("WHARF_NETWORK_URL").asText());
            assertEquals("http://wharf-volume-service.wharf-system.svc.cluster.local:7714", config.path("WHARF_VOLUME_URL").asText());
            assertEquals("true", config.path("WHARF_OTEL_DISABLED").asText());
            JsonNode pod = m.podTemplate(kindOf(service), service);
            assertTrue(env(container(pod, service), "WHARF_DB_PASSWORD").isMissingNode(), service);
        }
    }

    @Test
    void hostAgentIsAPrivilegedDaemonSetOnTheHostNamespacesWithBidirectionalDataRoot() {
        Manifests m = Chart.render("defaults.yaml");
        JsonNode pod = m.podTemplate("DaemonSet", "container-service");
        JsonNode spec = pod.path("spec");
        assertTrue(spec.path("hostPID").asBoolean(), "hostPID");
        assertTrue(spec.path("hostNetwork").asBoolean(), "hostNetwork");
        assertEquals("ClusterFirstWithHostNet", spec.path("dnsPolicy").asText());

        JsonNode agent = container(pod, "container-service");
        assertTrue(agent.path("securityContext").path("privileged").asBoolean(), "privileged");
        assertEquals(0, agent.path("securityContext").path("runAsUser").asInt(-1));

        Map<String, JsonNode> mounts = byName(agent.path("volumeMounts"));
        Map<String, JsonNode> volumes = byName(spec.path("volumes"));
        JsonNode data = mounts.get("data-root");
        assertEquals("/var/lib/wharf", data.path("mountPath").asText());
        assertEquals("Bidirectional", data.path("mountPropagation").asText());
        assertEquals("/var/lib/wharf", volumes.get("data-root").path("hostPath").path("path").asText());
        assertEquals("/run/wharf", mounts.get("run-root").path("mountPath").asText());
        assertEquals("/run/wharf", volumes.get("run-root").path("hostPath").path("path").asText());
        assertEquals("/sys/fs/cgroup", mounts.get("cgroup").path("mountPath").asText());
        assertEquals("/sys/fs/cgroup", volumes.get("cgroup").path("hostPath").path("path").asText());

        assertEquals("spec.nodeName", env(agent, "WHARF_NODE").path("valueFrom").path("fieldRef").path("fieldPath").asText());
        JsonNode config = m.config("container-service");
        assertEquals("0.0.0.0", config.path("WHARF_BIND_HOST").asText());
        assertEquals("/var/lib/wharf", config.path("WHARF_DATA_ROOT").asText());
        assertEquals("/run/wharf", config.path("WHARF_RUN_ROOT").asText());
        assertEquals(name("container-service"),
                agent.path("envFrom").path(0).path("configMapRef").path("name").asText());
    }

    @Test
    void unprivilegedServicesRunAsNonRootWithReadOnlyRootAndHealthProbes() {
        Manifests m = Chart.render("defaults.yaml");
        for (String service : List.of("api-gateway", "image-service", "network-service", "volume-service")) {
            JsonNode pod = m.podTemplate("Deployment", service);
            JsonNode spec = pod.path("spec");
            assertTrue(spec.path("securityContext").path("runAsNonRoot").asBoolean(), service);
            assertFalse(spec.path("hostNetwork").asBoolean(), service);
            assertFalse(spec.path("hostPID").asBoolean(), service);
            JsonNode c = container(pod, service);
            JsonNode sc = c.path("securityContext");
            assertFalse(sc.path("privileged").asBoolean(), service);
            assertTrue(sc.path("readOnlyRootFilesystem").asBoolean(), service);
            assertFalse(sc.path("allowPrivilegeEscalation").asBoolean(true), service);
            assertEquals("ALL", sc.path("capabilities").path("drop").path(0).asText(), service);

            String port = "api-gateway".equals(service) ? "management" : "http";
            assertEquals("/q/health/live", c.path("livenessProbe").path("httpGet").path("path").asText(), service);
            assertEquals("/q/health/ready", c.path("readinessProbe").path("httpGet").path("path").asText(), service);
            assertEquals(port, c.path("livenessProbe").path("httpGet").path("port").asText(), service);
            assertEquals(port, c.path("readinessProbe").path("httpGet").path("port").asText(), service);
            assertTrue(spec.path("affinity").isMissingNode() || "api-gateway".equals(service), service);
        }
        JsonNode gateway = container(m.podTemplate("Deployment", "api-gateway"), "api-gateway");
        assertEquals(7710, byName(gateway.path("ports")).get("management").path("containerPort").asInt());
        assertEquals("0.0.0.0", m.config("api-gateway").path("QUARKUS_MANAGEMENT_HOST").asText());

        JsonNode agent = container(m.podTemplate("DaemonSet", "container-service"), "container-service");
        assertEquals("/q/health/live", agent.path("livenessProbe").path("httpGet").path("path").asText());
        assertEquals("/q/health/ready", agent.path("readinessProbe").path("httpGet").path("path").asText());
        assertEquals(7711, agent.path("readinessProbe").path("httpGet").path("port").asInt());
    }

    @Test
    void gatewayServesTheSocketOnTheNodeAndTalksToItsNodesAgent() {
        Manifests m = Chart.render("defaults.yaml");
        JsonNode pod = m.podTemplate("Deployment", "api-gateway");
        JsonNode volumes = pod.path("spec").path("volumes");
        assertEquals("/run/wharf-api", byName(volumes).get("socket").path("hostPath").path("path").asText());
        JsonNode init = pod.path("spec").path("initContainers").path(0);
        assertEquals("socket-dir", init.path("name").asText());
        assertEquals("CHOWN", init.path("securityContext").path("capabilities").path("add").path(0).asText());
        assertEquals("/run/wharf/docker.sock", m.config("api-gateway").path("WHARF_SOCKET").asText());

        JsonNode gateway = container(pod, "api-gateway");
        assertEquals("status.hostIP",
                env(gateway, "WHARF_HOST_IP").path("valueFrom").path("fieldRef").path("fieldPath").asText());
        assertEquals("http://$(WHARF_HOST_IP):7711", env(gateway, "WHARF_CONTAINER_URL").path("value").asText());
        JsonNode term = pod.path("spec").path("affinity").path("podAffinity")
                .path("requiredDuringSchedulingIgnoredDuringExecution").path(0);
        assertEquals("kubernetes.io/hostname", term.path("topologyKey").asText());
        assertEquals("container-service",
                term.path("labelSelector").path("matchLabels").path("app.kubernetes.io/component").asText());
    }

    @Test
    void externalKafkaAndPostgresql() {
        Manifests m = Chart.render("external.yaml");
        assertTrue(m.find("StatefulSet", name("kafka")).isEmpty(), "no embedded Kafka: " + m.names());
        assertTrue(m.find("StatefulSet", name("postgresql")).isEmpty(), "no embedded PostgreSQL");
        assertTrue(m.ofKind("Secret").isEmpty(), "the password stays in the user's Secret");
        JsonNode job = m.ofKind("Job").get(0);
        assertEquals(name("db-schemas") + "-1", job.path("metadata").path("name").asText());
        String script = job.path("spec").path("template").path("spec").path("containers").path(0)
                .path("command").path(2).asText();
        for (String service : DB_SERVICES) {
            assertTrue(script.contains("CREATE SCHEMA IF NOT EXISTS " + service.replace('-', '_')), script);
        }

        for (String service : ALL_SERVICES) {
            assertEquals("kafka-0.kafka.infra:9092,kafka-1.kafka.infra:9092",
                    m.config(service).path("WHARF_KAFKA_BOOTSTRAP").asText(), service);
        }
        for (String service : DB_SERVICES) {
            JsonNode config = m.config(service);
            assertEquals("jdbc:postgresql://pg.infra.example:6432/wharfdb?currentSchema=" + service.replace('-', '_'),
                    config.path("WHARF_DB_URL").asText());
            assertEquals("wharf_app", config.path("WHARF_DB_USER").asText());
            JsonNode password = env(container(m.podTemplate(kindOf(service), service), service), "WHARF_DB_PASSWORD");
            assertEquals("wharf-db-credentials", password.path("valueFrom").path("secretKeyRef").path("name").asText());
            assertEquals("pw", password.path("valueFrom").path("secretKeyRef").path("key").asText());
        }
        assertTrue(m.config("api-gateway").path("WHARF_DB_URL").isMissingNode(), "the gateway has no database");
    }

    @Test
    void embeddedKafkaInKraftModeAndEmbeddedPostgresql() {
        Manifests m = Chart.render("embedded.yaml");
        JsonNode kafkaPod = m.podTemplate("StatefulSet", "kafka");
        JsonNode kafka = container(kafkaPod, "kafka");
        assertEquals("apache/kafka:4.1.1", kafka.path("image").asText());
        assertEquals("broker,controller", env(kafka, "KAFKA_PROCESS_ROLES").path("value").asText());
        assertEquals("1", env(kafka, "KAFKA_NODE_ID").path("value").asText());
        assertEquals("1@localhost:9093", env(kafka, "KAFKA_CONTROLLER_QUORUM_VOTERS").path("value").asText());
        assertEquals("CONTROLLER", env(kafka, "KAFKA_CONTROLLER_LISTENER_NAMES").path("value").asText());
        assertEquals("PLAINTEXT://wharf-kafka-0.wharf-kafka-headless.wharf-system.svc.cluster.local:9092",
                env(kafka, "KAFKA_ADVERTISED_LISTENERS").path("value").asText());
        assertEquals(22, env(kafka, "CLUSTER_ID").path("value").asText().length());
        assertFalse(kafkaPod.path("spec").path("enableServiceLinks").asBoolean(true),
                "service links would turn into KAFKA_* broker settings");
        JsonNode kafkaSts = m.get("StatefulSet", name("kafka"));
        assertEquals("2Gi", kafkaSts.path("spec").path("volumeClaimTemplates").path(0).path("spec")
                .path("resources").path("requests").path("storage").asText());
        m.get("Service", name("kafka-headless"));

        JsonNode pgSts = m.get("StatefulSet", name("postgresql"));
        assertEquals("3Gi", pgSts.path("spec").path("volumeClaimTemplates").path(0).path("spec")
                .path("resources").path("requests").path("storage").asText());
        JsonNode secret = m.get("Secret", name("postgresql"));
        assertEquals("test-only-password",
                new String(java.util.Base64.getDecoder().decode(secret.path("data").path("password").asText()),
                        java.nio.charset.StandardCharsets.UTF_8));
        m.get("Service", name("postgresql"));
        assertEquals(1, m.ofKind("Job").size(), "the schema Job runs against the embedded database too");

        for (String service : DB_SERVICES) {
            assertEquals("jdbc:postgresql://wharf-postgresql.wharf-system.svc.cluster.local:5432/wharf?currentSchema="
                    + service.replace('-', '_'), m.config(service).path("WHARF_DB_URL").asText());
            JsonNode password = env(container(m.podTemplate(kindOf(service), service), service), "WHARF_DB_PASSWORD");
            assertEquals(name("postgresql"), password.path("valueFrom").path("secretKeyRef").path("name").asText());
        }
    }

    @Test
    void tcpApiGetsAServiceAndListensOnAllInterfaces() {
        Manifests m = Chart.render("tcp.yaml");
        JsonNode service = m.get("Service", name("docker-api"));
        assertEquals("ClusterIP", service.path("spec").path("type").asText());
        assertEquals(2376, service.path("spec").path("ports").path(0).path("port").asInt());
        assertEquals("docker", service.path("spec").path("ports").path(0).path("targetPort").asText());
        JsonNode config = m.config("api-gateway");
        assertEquals("true", config.path("WHARF_TCP_ENABLED").asText());
        assertEquals("0.0.0.0", config.path("WHARF_TCP_HOST").asText());
        assertEquals("2375", config.path("WHARF_TCP_PORT").asText());
        JsonNode pod = m.podTemplate("Deployment", "api-gateway");
        assertEquals(2375, byName(container(pod, "api-gateway").path("ports")).get("docker").path("containerPort").asInt());
        // No socket on the node: no hostPath and no root init container.
        assertTrue(byName(pod.path("spec").path("volumes")).get("socket").path("hostPath").isMissingNode());
        assertTrue(pod.path("spec").path("initContainers").isMissingNode());
    }

    @Test
    void otlpEndpointTurnsTracingOnEverywhere() {
        Manifests m = Chart.render("otel.yaml");
        for (String service : ALL_SERVICES) {
            JsonNode config = m.config(service);
            assertEquals("false", config.path("WHARF_OTEL_DISABLED").asText(), service);
            assertEquals("http://otel-collector.observability.svc:4317",
                    config.path("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT").asText(), service);
        }
    }

    @Test
    void imagesResourcesAndSchedulingComeFromValues() {
        Manifests m = Chart.render("resources.yaml");
        JsonNode imagePod = m.podTemplate("Deployment", "image-service");
        JsonNode image = container(imagePod, "image-service");
        assertEquals("registry.example.com/wharf/image-service:1.2.4-rc1", image.path("image").asText());
        assertEquals("Always", image.path("imagePullPolicy").asText());
        assertEquals("250m", image.path("resources").path("requests").path("cpu").asText());
        assertEquals("900Mi", image.path("resources").path("limits").path("memory").asText());
        assertEquals("regcred", imagePod.path("spec").path("imagePullSecrets").path(0).path("name").asText());

        JsonNode network = container(m.podTemplate("Deployment", "network-service"), "network-service");
        assertEquals("registry.example.com/wharf/network-service:1.2.3", network.path("image").asText());
        assertEquals("IfNotPresent", network.path("imagePullPolicy").asText());

        JsonNode agentPod = m.podTemplate("DaemonSet", "container-service");
        assertEquals("true", agentPod.path("spec").path("nodeSelector").path("wharf.io/agent").asText());
        assertEquals("dedicated", agentPod.path("spec").path("tolerations").path(0).path("key").asText());
        assertEquals("regcred", agentPod.path("spec").path("imagePullSecrets").path(0).path("name").asText());

        // Defaults: the chart's appVersion as tag.
        JsonNode defaults = container(Chart.render("defaults.yaml").podTemplate("Deployment", "volume-service"),
                "volume-service");
        assertEquals("wharf/volume-service:0.1.0", defaults.path("image").asText());
    }

    @Test
    void checksumAnnotationFollowsTheConfiguration() {
        Manifests base = Chart.render("defaults.yaml");
        Manifests again = Chart.render("defaults.yaml");
        Manifests traced = Chart.render("defaults.yaml", "otel.yaml");
        Manifests otherPort = Chart.render(List.of("defaults.yaml"), Map.of("imageService.port", 7812));
        for (String service : ALL_SERVICES) {
            String checksum = checksum(base, service);
            assertTrue(checksum.matches("[0-9a-f]{64}"), service + ": " + checksum);
            assertEquals(checksum, checksum(again, service), service + ": the same values give the same checksum");
            assertNotEquals(checksum, checksum(traced, service), service + ": the OTLP endpoint changed its config");
            // Every service's configuration carries the image-service URL, so all of them roll.
            assertNotEquals(checksum, checksum(otherPort, service), service + ": the image-service port changed");
        }
        // A value outside the configuration (resources) leaves the checksum alone.
        Manifests moreMemory = Chart.render(List.of("defaults.yaml"),
                Map.of("networkService.resources.limits.memory", "1Gi"));
        assertEquals(checksum(base, "network-service"), checksum(moreMemory, "network-service"));
    }

    @Test
    void schemaRejectsAStringWhereANumberBelongs() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Chart.render("bad-types.yaml"));
        String message = e.getMessage();
        assertTrue(message.contains("values don't meet the specifications of the schema"), message);
        assertTrue(message.contains("imageService") && message.contains("port"), message);
        assertTrue(message.contains("integer"), message);
    }

    @Test
    void schemaRejectsUnknownKeysAndBadEnums() {
        String typo = assertThrows(IllegalStateException.class,
                () -> Chart.render(List.of(), Map.of("apiGateway.tpc.enabled", true))).getMessage();
        assertTrue(typo.contains("tpc"), typo);
        String policy = assertThrows(IllegalStateException.class,
                () -> Chart.render(List.of(), Map.of("image.pullPolicy", "Sometimes"))).getMessage();
        assertTrue(policy.contains("pullPolicy"), policy);
    }

    @Test
    void contradictoryValuesFailWithAClearMessage() {
        String both = assertThrows(IllegalStateException.class, () -> Chart.render(List.of(),
                Map.of("kafka.external.bootstrapServers", "kafka:9092"))).getMessage();
        assertTrue(both.contains("set either kafka.external.bootstrapServers or kafka.embedded.enabled=true, not both"), both);

        String none = assertThrows(IllegalStateException.class, () -> Chart.render(List.of(),
                Map.of("kafka.embedded.enabled", false))).getMessage();
        assertTrue(none.contains("Wharf needs Kafka"), none);

        String noPassword = assertThrows(IllegalStateException.class, () -> Chart.render(List.of(),
                Map.of("postgresql.embedded.enabled", true))).getMessage();
        assertTrue(noPassword.contains("postgresql.embedded.password"), noPassword);

        String noSecret = assertThrows(IllegalStateException.class, () -> Chart.render(List.of(),
                Map.of("postgresql.external.host", "pg"))).getMessage();
        assertTrue(noSecret.contains("postgresql.external.passwordSecret.name"), noSecret);
    }

    @Test
    void everyObjectIsLabelledForTheRelease() {
        List<String> unlabelled = new ArrayList<>();
        for (String file : List.of("defaults.yaml", "external.yaml", "embedded.yaml", "tcp.yaml", "otel.yaml")) {
            for (JsonNode o : Chart.render(file).objects) {
                JsonNode labels = o.path("metadata").path("labels");
                if (!RELEASE.equals(labels.path("app.kubernetes.io/instance").asText())
                        || !"Helm".equals(labels.path("app.kubernetes.io/managed-by").asText())) {
                    unlabelled.add(file + ": " + o.path("kind").asText() + "/" + o.path("metadata").path("name").asText());
                }
            }
        }
        assertTrue(unlabelled.isEmpty(), unlabelled.toString());
    }

    private static String checksum(Manifests m, String service) {
        return m.podTemplate(kindOf(service), service).path("metadata").path("annotations").path("checksum/config").asText();
    }

    private static Map<String, JsonNode> byName(JsonNode array) {
        Map<String, JsonNode> byName = new java.util.LinkedHashMap<>();
        for (JsonNode item : array) {
            byName.put(item.path("name").asText(), item);
        }
        return byName;
    }
}

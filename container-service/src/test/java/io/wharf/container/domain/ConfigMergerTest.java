package io.wharf.container.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigMergerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IMAGE = """
            {"Cmd":["nginx","-g","daemon off;"],"Entrypoint":["/docker-entrypoint.sh"],
             "Env":["PATH=/usr/bin:/bin","NGINX_VERSION=1.25"],"WorkingDir":"/srv","User":"101",
             "Labels":{"maintainer":"img","shared":"image"},"StopSignal":"SIGQUIT"}""";

    private static ObjectNode merge(String request) throws Exception {
        return ConfigMerger.merge((ObjectNode) JSON.readTree(request), JSON.readTree(IMAGE), "abcdef012345");
    }

    @Test
    void imageConfigFillsWhatTheRequestLeavesOut() throws Exception {
        ObjectNode c = merge("{\"Image\":\"nginx\"}");
        assertEquals(List.of("/docker-entrypoint.sh", "nginx", "-g", "daemon off;"), ConfigMerger.command(c));
        assertEquals("/srv", c.get("WorkingDir").asText());
        assertEquals("101", c.get("User").asText());
        assertEquals("abcdef012345", c.get("Hostname").asText());
        assertEquals("nginx", c.get("Image").asText());
        assertEquals("SIGQUIT", c.get("StopSignal").asText());
    }

    @Test
    void anEmptyHostnameFromTheCliMeansTheShortId() throws Exception {
        assertEquals("abcdef012345", merge("{\"Image\":\"nginx\",\"Hostname\":\"\"}").path("Hostname").asText());
        assertEquals("web", merge("{\"Image\":\"nginx\",\"Hostname\":\"web\"}").path("Hostname").asText());
    }

    @Test
    void requestCmdReplacesImageCmdButKeepsEntrypoint() throws Exception {
        ObjectNode c = merge("{\"Image\":\"nginx\",\"Cmd\":[\"echo\",\"hi\"]}");
        assertEquals(List.of("/docker-entrypoint.sh", "echo", "hi"), ConfigMerger.command(c));
    }

    @Test
    void requestEntrypointDropsImageCmd() throws Exception {
        ObjectNode c = merge("{\"Image\":\"nginx\",\"Entrypoint\":[\"sh\"]}");
        assertEquals(List.of("sh"), ConfigMerger.command(c));
        assertTrue(c.get("Cmd").isNull());
    }

    @Test
    void emptyEntrypointClearsImageEntrypointAndKeepsImageCmd() throws Exception {
        ObjectNode c = merge("{\"Image\":\"nginx\",\"Entrypoint\":[]}");
        assertEquals(List.of("nginx", "-g", "daemon off;"), ConfigMerger.command(c));
    }

    @Test
    void stringShorthandForCmd() throws Exception {
        ObjectNode c = merge("{\"Image\":\"nginx\",\"Entrypoint\":\"/bin/sh\",\"Cmd\":\"-c\"}");
        assertEquals(List.of("/bin/sh", "-c"), ConfigMerger.command(c));
    }

    @Test
    void envMergesByKeyUserFirst() throws Exception {
        ObjectNode c = merge("{\"Image\":\"nginx\",\"Env\":[\"NGINX_VERSION=2\",\"A=b\"]}");
        assertEquals(List.of("NGINX_VERSION=2", "A=b", "PATH=/usr/bin:/bin"), ConfigMerger.strings(c.get("Env")));
    }

    @Test
    void labelsMergeWithRequestWinning() throws Exception {
        JsonNode labels = merge("{\"Image\":\"nginx\",\"Labels\":{\"shared\":\"mine\",\"x\":\"y\"}}").get("Labels");
        assertEquals("img", labels.get("maintainer").asText());
        assertEquals("mine", labels.get("shared").asText());
        assertEquals("y", labels.get("x").asText());
    }

    @Test
    void unknownFieldsAreKeptAndHostConfigIsNot() throws Exception {
        ObjectNode c = merge("{\"Image\":\"nginx\",\"MacAddress\":\"02:42:ac:11:00:02\",\"HostConfig\":{}}");
        assertEquals("02:42:ac:11:00:02", c.get("MacAddress").asText());
        assertTrue(!c.has("HostConfig"));
    }

    @Test
    void noCommandAnywhereIsEmpty() throws Exception {
        ObjectNode c = ConfigMerger.merge((ObjectNode) JSON.readTree("{\"Image\":\"scratch\"}"), null, "h");
        assertTrue(ConfigMerger.command(c).isEmpty());
    }

    @Test
    void processEnvHasDefaultsTheConfigCanOverride() throws Exception {
        ObjectNode c = (ObjectNode) JSON.readTree("{\"Hostname\":\"h1\",\"Tty\":true,\"Env\":[\"TERM=vt100\",\"X=1\"]}");
        assertEquals(List.of("PATH=" + ConfigMerger.DEFAULT_PATH, "HOSTNAME=h1", "TERM=vt100", "X=1"),
                ConfigMerger.processEnv(c));
        ObjectNode withPath = (ObjectNode) JSON.readTree("{\"Hostname\":\"h1\",\"Env\":[\"PATH=/x\"]}");
        assertEquals(List.of("PATH=/x", "HOSTNAME=h1"), ConfigMerger.processEnv(withPath));
    }
}

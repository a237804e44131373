package io.wharf.gateway.e2e;

import static io.wharf.gateway.e2e.DockerCli.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** pause/unpause, update, stats and top on a running container. */
class ContainerStatsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void image() throws Exception {
        TestImages.ensureBusybox();
    }

    private static String name() {
        return "stats-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    @Timeout(120)
    void pauseFreezesAndUnpauseThaws() throws IOException {
        String name = name();
        docker("run", "-d", "--name", name, "busybox", "sleep", "300").assertOk();
        try {
            docker("pause", name).assertOk();
            assertEquals("paused true", docker("inspect", "-f", "{{.State.Status}} {{.State.Paused}}", name)
                    .assertOk().trimmed());
            String ps = docker("ps", "--filter", "name=" + name, "--format", "{{.Names}} {{.Status}}").assertOk().out();
            assertTrue(ps.contains("(Paused)"), ps);
            assertTrue(docker("pause", name).err().contains("is already paused"));
            docker("unpause", name).assertOk();
            assertEquals("running false", docker("inspect", "-f", "{{.State.Status}} {{.State.Paused}}", name)
                    .assertOk().trimmed());
            assertTrue(docker("unpause", name).err().contains("is not paused"));
            assertTrue(actionsUntilUnpause(name).contains("pause\nunpause"));
        } finally {
            docker("rm", "-f", name);
        }
    }

    /** Follows docker events (the outbox relays asynchronously) until this container's unpause. */
    private static String actionsUntilUnpause(String name) throws IOException {
        Process events = DockerCli.start("events", "--since", "10m", "--format",
                "{{.Action}} {{.Actor.Attributes.name}}");
        StringBuilder actions = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(events.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.endsWith(" " + name)) {
                    String action = line.substring(0, line.length() - name.length() - 1);
                    actions.append(action).append('\n');
                    if (action.equals("unpause")) {
                        break;
                    }
                }
            }
        } finally {
            events.destroy();
        }
        return actions.toString();
    }

    @Test
    void updateChangesTheLimitsOfARunningContainer() {
        String name = name();
        String id = docker("run", "-d", "--name", name, "-m", "64m", "busybox", "sleep", "300").assertOk().trimmed();
        try {
            docker("update", "-m", "100m", "--cpus", "0.5", "--pids-limit", "30", name).assertOk();
            assertEquals("104857600 500000000 30", docker("inspect", "-f",
                    "{{.HostConfig.Memory}} {{.HostConfig.NanoCpus}} {{.HostConfig.PidsLimit}}", id).assertOk()
                    .trimmed());
            // the cgroup now says so: stats read memory.limit_in_bytes and pids
            String limit = docker("stats", "--no-stream", "--format", "{{.MemUsage}}", id).assertOk().trimmed();
            assertTrue(limit.endsWith("/ 100MiB"), limit);
        } finally {
            docker("rm", "-f", id);
        }
    }

    @Test
    void statsReportTheCgroupCounters() throws Exception {
        String name = name();
        docker("run", "-d", "--name", name, "-m", "64m", "--pids-limit", "50", "busybox", "sleep", "300").assertOk();
        try {
            String line = docker("stats", "--no-stream", "--format", "{{.Name}} {{.MemUsage}} {{.PIDs}}", name)
                    .assertOk().trimmed();
            assertTrue(line.startsWith(name + " "), line);
            assertTrue(line.contains("/ 64MiB"), line);
            assertTrue(line.endsWith(" 1"), line);
            JsonNode raw = JSON.readTree(docker("stats", "--no-stream", "--format", "{{json .}}", name).assertOk()
                    .out());
            assertEquals(name, raw.path("Name").asText());
        } finally {
            docker("rm", "-f", name);
        }
    }

    @Test
    void topListsTheContainersProcesses() {
        String name = name();
        docker("run", "-d", "--name", name, "busybox", "sleep", "301").assertOk();
        try {
            String top = docker("top", name).assertOk().out();
            assertTrue(top.lines().findFirst().orElse("").contains("PID"), top);
            assertTrue(top.contains("sleep 301"), top);
            assertEquals(2, top.lines().count(), top);
        } finally {
            docker("rm", "-f", name);
        }
    }
}

package io.wharf.gateway.e2e;

import static io.wharf.gateway.e2e.DockerCli.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The system API through the real docker CLI: version, info, ping, and Docker's error answers. */
class SystemApiIT {

    @Test
    void versionShowsTheWharfServerAndEveryComponent() {
        String out = docker("version").assertOk().out();
        assertTrue(out.contains("Server: Wharf"), out);
        assertTrue(out.contains("API version:       1.47"), out);
        for (String component : new String[] {"api-gateway", "container-service", "image-service", "network-service",
                "volume-service", "runc"}) {
            assertTrue(out.contains(" " + component + ":"), "missing component " + component + " in\n" + out);
        }
        assertTrue(!out.contains("unavailable"), out);
    }

    @Test
    void infoReportsHostFactsAndCounts() {
        String cpus = docker("info", "--format", "{{.NCPU}}").assertOk().trimmed();
        assertEquals(Runtime.getRuntime().availableProcessors(), Integer.parseInt(cpus));
        assertEquals("overlay2", docker("info", "--format", "{{.Driver}}").assertOk().trimmed());
        assertEquals("1", docker("info", "--format", "{{.CgroupVersion}}").assertOk().trimmed());
        assertEquals("runc", docker("info", "--format", "{{.DefaultRuntime}}").assertOk().trimmed());
        long memory = Long.parseLong(docker("info", "--format", "{{.MemTotal}}").assertOk().trimmed());
        assertTrue(memory > 1L << 30, "MemTotal " + memory);
        String counts = docker("info", "--format", "{{.Containers}} {{.Images}}").assertOk().trimmed();
        assertTrue(counts.matches("\\d+ \\d+"), counts);
        String plain = docker("info").assertOk().out();
        assertTrue(plain.contains("Storage Driver: overlay2"), plain);
    }

    @Test
    void unknownObjectsAndSwarmCallsAnswerAsDockerd() {
        DockerCli.Result missing = docker("inspect", "--type", "container", "no-such-container-xyz");
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().contains("No such container: no-such-container-xyz"), missing.err());
        DockerCli.Result pull = docker("pull", "registry.invalid/nothing:1");
        assertEquals(1, pull.exitCode());
        assertTrue(pull.err().contains("Get \"https://registry.invalid/v2/\": dial tcp: lookup registry.invalid: no such host"),
                pull.err());
        DockerCli.Result swarm = docker("node", "ls");
        assertEquals(1, swarm.exitCode());
        assertTrue(swarm.err().contains("This node is not a swarm manager"), swarm.err());
    }
}

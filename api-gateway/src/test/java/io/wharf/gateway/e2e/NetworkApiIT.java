package io.wharf.gateway.e2e;

import static io.wharf.gateway.e2e.DockerCli.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code docker network create/ls/inspect/rm/prune} and their events, as dockerd answers them. */
class NetworkApiIT {
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<String> networks = new ArrayList<>();

    private String name(String base) {
        String n = base + "-" + run;
        networks.add(n);
        return n;
    }

    @AfterEach
    void cleanUp() {
        for (String n : networks) {
            docker("network", "rm", n);
        }
    }

    @Test
    void predefinedNetworksExistAndCannotBeRemovedOrRecreated() {
        String names = docker("network", "ls", "--format", "{{.Name}} {{.Driver}}").assertOk().out();
        assertTrue(names.lines().anyMatch("bridge bridge"::equals), names);
        assertTrue(names.lines().anyMatch("host host"::equals), names);
        assertTrue(names.lines().anyMatch("none null"::equals), names);
        DockerCli.Result rm = docker("network", "rm", "bridge");
        assertNotEquals(0, rm.exitCode());
        assertTrue(rm.err().contains("bridge is a pre-defined network and cannot be removed"), rm.err());
        DockerCli.Result create = docker("network", "create", "host");
        assertTrue(create.err().contains("operation is not permitted on predefined host network"), create.err());
        String bridgeOptions = docker("network", "inspect", "--format",
                "{{index .Options \"com.docker.network.bridge.default_bridge\"}} {{(index .IPAM.Config 0).Subnet}}", "bridge")
                .assertOk().trimmed();
        assertTrue(bridgeOptions.startsWith("true "), bridgeOptions);
        assertFalse(bridgeOptions.contains(" 172.17."), "the default bridge must not clash with dockerd's: " + bridgeOptions);
    }

    @Test
    void createInspectFilterAndRemove() {
        String plain = name("plain");
        String custom = name("custom");
        String plainId = docker("network", "create", plain).assertOk().trimmed();
        assertTrue(plainId.matches("[0-9a-f]{64}"), plainId);
        docker("network", "create", "--subnet", "10.250.7.0/24", "--gateway", "10.250.7.254", "--ip-range",
                "10.250.7.128/25", "--internal", "--label", "tier=db-" + run, "-o",
                "com.docker.network.bridge.enable_icc=false", custom).assertOk();

        String inspected = docker("network", "inspect", "--format",
                "{{.Driver}} {{.Scope}} {{.Internal}} {{(index .IPAM.Config 0).Subnet}} {{(index .IPAM.Config 0).Gateway}} "
                        + "{{(index .IPAM.Config 0).IPRange}} {{index .Labels \"tier\"}} "
                        + "{{index .Options \"com.docker.network.bridge.enable_icc\"}}", custom).assertOk().trimmed();
        assertEquals("bridge local true 10.250.7.0/24 10.250.7.254 10.250.7.128/25 db-" + run + " false", inspected);
        String plainSubnet = docker("network", "inspect", "--format", "{{(index .IPAM.Config 0).Subnet}}", plain)
                .assertOk().trimmed();
        assertTrue(plainSubnet.matches("\\d+\\.\\d+\\.\\d+\\.0/\\d+"), plainSubnet);

        DockerCli.Result duplicate = docker("network", "create", plain);
        assertNotEquals(0, duplicate.exitCode());
        assertTrue(duplicate.err().contains("network with name " + plain + " already exists"), duplicate.err());
        DockerCli.Result overlap = docker("network", "create", "--subnet", "10.250.7.0/25", name("overlap"));
        assertTrue(overlap.err().contains("Pool overlaps with other one on this address space"), overlap.err());

        assertEquals(custom, docker("network", "ls", "--filter", "label=tier=db-" + run, "--format", "{{.Name}}")
                .assertOk().trimmed());
        String custom2 = docker("network", "ls", "--filter", "type=custom", "--filter", "name=" + run,
                "--format", "{{.Name}}").assertOk().out();
        assertTrue(custom2.contains(plain) && custom2.contains(custom), custom2);
        assertEquals(plain, docker("network", "ls", "--filter", "id=" + plainId.substring(0, 12), "--format",
                "{{.Name}}").assertOk().trimmed());
        assertFalse(docker("network", "ls", "--filter", "type=builtin", "--format", "{{.Name}}").assertOk().out()
                .contains(run));
        DockerCli.Result badFilter = docker("network", "ls", "--filter", "colour=red");
        assertTrue(badFilter.err().contains("invalid filter 'colour'"), badFilter.err());

        assertEquals(plain, docker("network", "inspect", "--format", "{{.Name}}", plainId.substring(0, 10))
                .assertOk().trimmed());
        docker("network", "rm", plain, custom).assertOk();
        DockerCli.Result missing = docker("network", "inspect", plain);
        assertTrue(missing.err().contains("network " + plain + " not found"), missing.err());
    }

    @Test
    void pruneRemovesUnusedNetworksAndEventsAreDockers() {
        String a = name("prune-a");
        String keep = name("prune-keep");
        String aId = docker("network", "create", "--label", "prune=" + run, a).assertOk().trimmed();
        docker("network", "create", keep).assertOk();
        String pruned = docker("network", "prune", "-f", "--filter", "label=prune=" + run).assertOk().out();
        assertTrue(pruned.contains(a) && !pruned.contains(keep), pruned);
        assertTrue(docker("network", "inspect", keep).exitCode() == 0);

        String until = Long.toString(java.time.Instant.now().getEpochSecond() + 2);
        String events = docker("events", "--since", "2m", "--until", until, "--filter", "network=" + aId,
                "--format", "{{.Type}} {{.Action}} {{.Actor.Attributes.name}} {{.Actor.Attributes.type}}")
                .assertOk().out();
        assertTrue(events.contains("network create " + a + " bridge"), events);
        assertTrue(events.contains("network destroy " + a + " bridge"), events);
    }
}

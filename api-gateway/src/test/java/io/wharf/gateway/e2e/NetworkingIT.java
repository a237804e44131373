package io.wharf.gateway.e2e;

import static io.wharf.gateway.e2e.DockerCli.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Containers' networking with the real docker CLI and busybox tools inside the containers: names and
 * aliases on user networks (embedded DNS), published ports from the host's loopback and from other
 * containers (hairpin), internal networks and icc off, none, connect/disconnect, leases released and
 * reused, resolv.conf/hosts options and legacy links. Traffic stays on loopback and the engine's containers.
 */
class NetworkingIT {
    /** An HTTP GET of /hostname sent with nc; the answer's last line is the server container's hostname. */
    private static final String GET = "printf 'GET /hostname HTTP/1.0\\r\\n\\r\\n' | nc -w 3 ";

    private final TestContainers containers = new TestContainers();
    private final List<String> networks = new ArrayList<>();

    @BeforeAll
    static void image() throws Exception {
        TestImages.ensureBusybox();
    }

    @AfterEach
    void cleanUp() {
        containers.removeAll();
        for (String n : networks) {
            docker("network", "rm", n);
        }
    }

    private String network(String base, String... options) {
        String name = base + "-" + containers.run();
        List<String> args = new ArrayList<>(List.of("network", "create"));
        args.addAll(List.of(options));
        args.add(name);
        docker(args.toArray(String[]::new)).assertOk();
        networks.add(name);
        return name;
    }

    /** A busybox httpd serving /etc (so /hostname answers the container's hostname). */
    private String web(String base, String... options) {
        String name = containers.name(base);
        List<String> args = new ArrayList<>(List.of("run", "-d", "--name", name));
        args.addAll(List.of(options));
        args.addAll(List.of(TestImages.BUSYBOX, "httpd", "-f", "-p", "80", "-h", "/etc"));
        docker(args.toArray(String[]::new)).assertOk();
        return name;
    }

    /**
     * A /24 at the end of this platform's address pool ({@code WHARF_NETWORK_POOL}, set by the test suite), so
     * that two platforms on the machine never put the same subnet on two bridges.
     */
    private static String subnetPrefix(int third) {
        String pool = System.getenv().getOrDefault("WHARF_NETWORK_POOL", "10.210.0.0/16");
        String[] o = pool.substring(0, pool.indexOf('/')).split("\\.");
        return o[0] + "." + o[1] + "." + third + ".";
    }

    private static String shortId(String container) {
        return docker("inspect", "--format", "{{.Id}}", container).assertOk().trimmed().substring(0, 12);
    }

    private static String sh(String network, String script) {
        return docker("run", "--rm", "--network", network, TestImages.BUSYBOX, "sh", "-c", script).out();
    }

    @Test
    void containersOnAUserNetworkReachEachOtherByNameAndAlias() {
        String net = network("names");
        String web = web("web", "--network", net, "--network-alias", "db-alias");
        String id = shortId(web);
        String out = sh(net, "nslookup " + web + "; nslookup db-alias; " + GET + web + " 80; echo; " + GET
                + "db-alias 80; echo; cat /etc/resolv.conf");
        String ip = docker("inspect", "--format", "{{(index .NetworkSettings.Networks \"" + net + "\").IPAddress}}", web)
                .assertOk().trimmed();
        assertTrue(ip.matches("\\d+\\.\\d+\\.\\d+\\.\\d+"), ip);
        assertTrue(out.contains("Name:\t" + web + "\nAddress: " + ip), out);
        assertTrue(out.contains("Name:\tdb-alias\nAddress: " + ip), out);
        assertEquals(2, out.lines().filter(id::equals).count(), out);
        assertTrue(out.contains("options ndots:0"), out);

        String inspected = docker("network", "inspect", "--format", "{{range .Containers}}{{.Name}} {{.IPv4Address}} {{.MacAddress}}{{end}}",
                net).assertOk().trimmed();
        assertTrue(inspected.startsWith(web + " " + ip + "/"), inspected);
        assertTrue(inspected.endsWith(" 02:42:" + mac(ip)), inspected);
        assertEquals(web, docker("ps", "--filter", "network=" + net, "--format", "{{.Names}}").assertOk().trimmed());
    }

    private static String mac(String ip) {
        String[] o = ip.split("\\.");
        return String.format("%02x:%02x:%02x:%02x", Integer.parseInt(o[0]), Integer.parseInt(o[1]),
                Integer.parseInt(o[2]), Integer.parseInt(o[3]));
    }

    @Test
    void publishedPortAnswersOnTheHostsLoopbackAndFromOtherContainers() throws Exception {
        String web = web("pub", "-p", "127.0.0.1::80", "-p", "0:80");
        String id = shortId(web);
        List<String> bindings = docker("port", web, "80/tcp").assertOk().out().lines().toList();
        assertEquals(2, bindings.size(), bindings.toString());
        String loopback = bindings.stream().filter(b -> b.startsWith("127.0.0.1:")).findFirst().orElseThrow();
        String any = bindings.stream().filter(b -> b.startsWith("0.0.0.0:")).findFirst().orElseThrow();
        int port = Integer.parseInt(loopback.substring(loopback.indexOf(':') + 1));
        int anyPort = Integer.parseInt(any.substring(any.indexOf(':') + 1));

        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/hostname")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode());
        assertEquals(id, answer.body().trim());

        String gateway = docker("inspect", "--format", "{{.NetworkSettings.Gateway}}", web).assertOk().trimmed();
        String hairpin = sh("bridge", GET + gateway + " " + anyPort);
        assertTrue(hairpin.lines().anyMatch(id::equals), "a container reaches a published port through the host: " + hairpin);

        String ps = docker("ps", "--filter", "publish=" + anyPort, "--format", "{{.Names}} {{.Ports}}").assertOk().trimmed();
        assertTrue(ps.startsWith(web + " ") && ps.contains("127.0.0.1:" + port + "->80/tcp"), ps);
        docker("rm", "-f", web).assertOk();
        assertThrowsIo(port);
    }

    private static void assertThrowsIo(int port) throws InterruptedException {
        try {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hostname"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            throw new AssertionError("port " + port + " still answers after the container was removed");
        } catch (IOException expected) {
            // nothing listens there any more
        }
    }

    @Test
    void internalNetworksAndIccOffBlockWhatDockerBlocks() {
        String internal = network("internal", "--internal");
        String noIcc = network("noicc", "-o", "com.docker.network.bridge.enable_icc=false");
        String open = network("open");
        String iweb = web("iweb", "--network", internal);
        String nweb = web("nweb", "--network", noIcc);
        String oweb = web("oweb", "--network", open);
        String oIp = docker("inspect", "--format", "{{(index .NetworkSettings.Networks \"" + open + "\").IPAddress}}", oweb)
                .assertOk().trimmed();

        String inInternal = sh(internal, GET + iweb + " 80; echo; ip route; " + GET + oIp + " 80; echo rc=$?");
        assertTrue(inInternal.lines().anyMatch(shortId(iweb)::equals), "internal networks connect their containers: " + inInternal);
        assertFalse(inInternal.contains("default"), "an internal network has no default route: " + inInternal);
        assertFalse(inInternal.lines().anyMatch(shortId(oweb)::equals), inInternal);

        String withoutIcc = sh(noIcc, "nslookup " + nweb + " >/dev/null && echo resolved; " + GET + nweb + " 80; echo rc=$?");
        assertTrue(withoutIcc.contains("resolved"), withoutIcc);
        assertFalse(withoutIcc.lines().anyMatch(shortId(nweb)::equals), "icc=false blocks container to container: " + withoutIcc);

        String acrossNetworks = sh("bridge", GET + oIp + " 80; echo rc=$?");
        assertFalse(acrossNetworks.lines().anyMatch(shortId(oweb)::equals), "networks are isolated: " + acrossNetworks);
    }

    @Test
    void noneHasOnlyLoopbackAndHostSharesTheHostsInterfaces() {
        String links = docker("run", "--rm", "--network", "none", TestImages.BUSYBOX, "ip", "-o", "link").assertOk().out();
        assertEquals(1, links.lines().count(), links);
        assertTrue(links.contains(": lo:"), links);
        String none = docker("network", "inspect", "--format", "{{.Driver}}", "none").assertOk().trimmed();
        assertEquals("null", none);
    }

    @Test
    void connectAndDisconnectARunningContainerAndRemoveNeedsNoEndpoints() {
        String since = Long.toString(Instant.now().getEpochSecond() - 1);
        String p = subnetPrefix(250);
        String net = network("conn", "--subnet", p + "0/24");
        String netId = docker("network", "inspect", "--format", "{{.Id}}", net).assertOk().trimmed();
        String web = web("conn");
        String id = docker("inspect", "--format", "{{.Id}}", web).assertOk().trimmed();
        docker("network", "connect", "--ip", p + "77", "--alias", "late", net, web).assertOk();
        String ifaces = docker("exec", web, "ip", "-o", "-4", "addr").assertOk().out();
        assertTrue(ifaces.contains("eth1") && ifaces.contains(p + "77/24"), ifaces);
        String out = sh(net, "nslookup late; " + GET + "late 80");
        assertTrue(out.contains("Address: " + p + "77"), out);
        assertTrue(out.lines().anyMatch(id.substring(0, 12)::equals), out);

        DockerCli.Result busy = docker("network", "rm", net);
        assertNotEquals(0, busy.exitCode());
        assertTrue(busy.err().contains("has active endpoints"), busy.err());

        docker("network", "disconnect", net, web).assertOk();
        assertFalse(docker("exec", web, "ip", "-o", "link").assertOk().out().contains("eth1"));
        assertEquals("{}", docker("network", "inspect", "--format", "{{json .Containers}}", net).assertOk().trimmed());
        String events = docker("events", "--since", since, "--until", Long.toString(Instant.now().getEpochSecond() + 2),
                "--filter", "network=" + netId, "--format", "{{.Action}} {{.Actor.Attributes.container}}").assertOk().out();
        assertTrue(events.contains("connect " + id) && events.contains("disconnect " + id), events);
        docker("network", "rm", net).assertOk();
        networks.remove(net);
    }

    @Test
    void addressesAreReleasedAfterRemovalAndReused() {
        String p = subnetPrefix(251);
        String net = network("ipam", "--subnet", p + "0/24");
        String first = web("first", "--network", net);
        String ip = docker("inspect", "--format", "{{(index .NetworkSettings.Networks \"" + net + "\").IPAddress}}", first)
                .assertOk().trimmed();
        assertEquals(p + "2", ip);
        String fixed = web("fixed", "--network", net, "--ip", p + "200", "--mac-address", "02:42:de:ad:be:ef");
        assertEquals(p + "200 02:42:de:ad:be:ef", docker("inspect", "--format",
                "{{(index .NetworkSettings.Networks \"" + net + "\").IPAddress}} {{(index .NetworkSettings.Networks \"" + net + "\").MacAddress}}",
                fixed).assertOk().trimmed());
        DockerCli.Result taken = docker("run", "-d", "--name", containers.name("taken"), "--network", net, "--ip",
                p + "200", TestImages.BUSYBOX, "sleep", "60");
        assertNotEquals(0, taken.exitCode());
        assertTrue(taken.err().contains("Address already in use"), taken.err());
        docker("rm", "-f", first).assertOk();
        String second = web("second", "--network", net);
        assertEquals(p + "2", docker("inspect", "--format",
                "{{(index .NetworkSettings.Networks \"" + net + "\").IPAddress}}", second).assertOk().trimmed());
    }

    @Test
    void resolvConfHostsAndLegacyLinks() {
        String web = web("linked", "-e", "COLOUR=blue");
        String out = docker("run", "--rm", "--dns", "10.217.0.53", "--dns-search", "example.test", "--dns-option",
                "ndots:3", "--add-host", "extra.test:10.217.9.9", "--hostname", "box", "--domainname", "corp.test",
                "--link", web + ":wl", TestImages.BUSYBOX, "sh", "-c",
                "cat /etc/resolv.conf /etc/hosts; echo WL_NAME=$WL_NAME; echo WL_ENV_COLOUR=$WL_ENV_COLOUR; " + GET + "wl 80")
                .assertOk().out();
        assertTrue(out.contains("nameserver 10.217.0.53\nsearch example.test\noptions ndots:3\n"), out);
        assertTrue(out.contains("10.217.9.9\textra.test\n"), out);
        assertTrue(out.matches("(?s).*\\n\\d+\\.\\d+\\.\\d+\\.\\d+\\tbox\\.corp\\.test box\\n.*"), out);
        assertTrue(out.contains("\twl " + shortId(web) + " " + web + "\n"), out);
        assertTrue(out.contains("WL_NAME=/"), out);
        assertTrue(out.contains("WL_ENV_COLOUR=blue"), out);
        assertTrue(out.lines().anyMatch(shortId(web)::equals), out);
    }
}

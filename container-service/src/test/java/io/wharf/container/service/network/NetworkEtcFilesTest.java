package io.wharf.container.service.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkEtcFilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> HOST = List.of("# comment", "nameserver 127.0.0.53", "nameserver 10.0.0.2",
            "search corp.example", "options edns0");

    @Test
    void embeddedDnsOnUserNetworksKeepsTheHostsSearch() throws Exception {
        String r = NetworkEtcFiles.resolvConf(HOST, JSON.readTree("{}"), "10.1.0.1");
        assertEquals("nameserver 10.1.0.1\nsearch corp.example\noptions ndots:0\n", r);
    }

    @Test
    void dnsOptionsReplaceTheHosts() throws Exception {
        String r = NetworkEtcFiles.resolvConf(HOST, JSON.readTree(
                "{\"Dns\":[\"10.9.9.9\"],\"DnsSearch\":[\".\"],\"DnsOptions\":[\"ndots:2\"]}"), null);
        assertEquals("nameserver 10.9.9.9\noptions ndots:2\n", r);
        assertEquals("nameserver 10.0.0.2\nsearch corp.example\noptions edns0\n",
                NetworkEtcFiles.resolvConf(HOST, JSON.readTree("{}"), null));
    }

    @Test
    void hostsHaveExtraEntriesAndTheOwnAddress() throws Exception {
        List<String> extra = NetworkEtcFiles.extraHosts(JSON.readTree("{\"ExtraHosts\":[\"db:10.3.3.3\"]}"));
        String hosts = NetworkEtcFiles.hosts("box", "corp.test", "10.1.0.2", extra);
        assertTrue(hosts.endsWith("10.3.3.3\tdb\n10.1.0.2\tbox.corp.test box\n"), hosts);
    }

    @Test
    void linkEnvironmentIsMobys() throws Exception {
        List<String> env = LinkEnvironment.of("db-1", "app", "10.1.0.3", JSON.readTree(
                "{\"ExposedPorts\":{\"5432/tcp\":{}},\"Env\":[\"PATH=/bin\",\"PW=x\"]}"));
        assertEquals(List.of("DB_1_NAME=/app/db-1", "DB_1_PORT=tcp://10.1.0.3:5432", "DB_1_PORT_5432_TCP=tcp://10.1.0.3:5432",
                "DB_1_PORT_5432_TCP_ADDR=10.1.0.3", "DB_1_PORT_5432_TCP_PORT=5432", "DB_1_PORT_5432_TCP_PROTO=tcp",
                "DB_1_ENV_PW=x"), env);
    }
}

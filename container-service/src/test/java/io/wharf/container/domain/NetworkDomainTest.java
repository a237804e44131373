package io.wharf.container.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkDomainTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void rulesFollowDockersModel() {
        var open = new FilterRules.Bridge("br0", "10.1.0.0/24", false, true, true);
        var closed = new FilterRules.Bridge("br1", "10.2.0.0/24", true, false, true);
        String nat = FilterRules.nat("P", List.of(open, closed),
                List.of(new FilterRules.Port("tcp", "127.0.0.1", 8080, "10.1.0.2", 80)));
        assertTrue(nat.contains("-A P-POSTROUTING -s 10.1.0.0/24 ! -o br0 -j MASQUERADE\n"), nat);
        assertFalse(nat.contains("-s 10.2.0.0/24 ! -o br1"), "internal networks are not masqueraded: " + nat);
        assertTrue(nat.contains("-A P-DNAT -p tcp -d 127.0.0.1 -m tcp --dport 8080 -j DNAT --to-destination 10.1.0.2:80\n"), nat);
        String filter = FilterRules.filter("P", List.of(open, closed));
        assertTrue(filter.contains("-A P-FORWARD -i br0 -o br1 -j DROP\n"), filter);
        assertTrue(filter.contains("-A P-FORWARD -i br1 -o br1 -j DROP\n"), filter);
        assertTrue(filter.contains("-A P-FORWARD -i br1 ! -o br1 -j DROP\n"), filter);
        assertTrue(filter.contains("-A P-FORWARD -i br0 ! -o br0 -j ACCEPT\n"), filter);
        assertTrue(filter.indexOf("-i br1 ! -o br1 -j DROP") < filter.indexOf("-o br1 -m conntrack --ctstate RELATED"), filter);
    }

    @Test
    void portBindingsFromTheCliShapes() throws Exception {
        var config = JSON.readTree("{\"ExposedPorts\":{\"80/tcp\":{},\"53/udp\":{}}}");
        var host = JSON.readTree("{\"PortBindings\":{\"80/tcp\":[{\"HostIp\":\"127.0.0.1\",\"HostPort\":\"8000-8010\"}]},"
                + "\"PublishAllPorts\":true}");
        List<PortBinding> b = PortBinding.requested(config, host);
        assertEquals(List.of(new PortBinding(80, "tcp", "127.0.0.1", 8000, 8010), new PortBinding(53, "udp", "", 0, 0)), b);
        assertEquals("80/tcp", b.get(0).key());
    }

    @Test
    void dnsAnswersAQueryWithTheQuestionAndAnAddress() {
        byte[] query = {0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 3, 'w', 'e', 'b', 0, 0, 1, 0, 1};
        DnsQuery q = DnsQuery.parse(query, query.length).orElseThrow();
        assertEquals("web", q.name());
        assertEquals(DnsQuery.TYPE_A, q.type());
        byte[] answer = q.answer(query, List.of(new byte[] {10, 1, 0, 2}));
        assertEquals(0x12, answer[0]);
        assertEquals((byte) 0x85, answer[2]);
        assertEquals(1, answer[7]);
        assertEquals(10, answer[answer.length - 4]);
        assertEquals(3, q.nameError(query)[3] & 0x0f);
        assertTrue(DnsQuery.parse(new byte[] {1, 2, 3}, 3).isEmpty());
    }

    @Test
    void networkModes() {
        assertEquals(NetworkMode.Kind.BRIDGE, NetworkMode.parse("default").kind());
        assertEquals("bridge", NetworkMode.parse("").networkName());
        assertEquals("abc", NetworkMode.parse("container:abc").target());
        assertEquals("mynet", NetworkMode.parse("mynet").networkName());
    }
}

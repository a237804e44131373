package io.wharf.container.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wharf.common.error.WharfException;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserAndEtcFilesTest {
    private static final List<String> PASSWD = List.of("root:x:0:0:root:/root:/bin/sh",
            "www:x:33:34:www:/var/www:/bin/false", "nobody:x:65534:65534::/:/bin/false");
    private static final List<String> GROUP = List.of("root:x:0:", "data:x:34:", "web:x:50:www,other", "adm:x:4:www");

    @Test
    void defaultIsRoot() {
        assertEquals(new UserResolver.Ids(0, 0, List.of()), UserResolver.resolve("", PASSWD, GROUP));
    }

    @Test
    void namesResolveWithSupplementaryGroups() {
        assertEquals(new UserResolver.Ids(33, 34, List.of(50, 4)), UserResolver.resolve("www", PASSWD, GROUP));
        assertEquals(new UserResolver.Ids(33, 50, List.of()), UserResolver.resolve("www:web", PASSWD, GROUP));
    }

    @Test
    void numbersWorkWithoutEntries() {
        assertEquals(new UserResolver.Ids(1234, 0, List.of()), UserResolver.resolve("1234", PASSWD, GROUP));
        assertEquals(new UserResolver.Ids(1234, 99, List.of()), UserResolver.resolve("1234:99", PASSWD, GROUP));
        assertEquals(new UserResolver.Ids(33, 34, List.of(50, 4)), UserResolver.resolve("33", PASSWD, GROUP));
    }

    @Test
    void unknownNamesAreRefused() {
        WharfException e = assertThrows(WharfException.class, () -> UserResolver.resolve("ghost", PASSWD, GROUP));
        assertEquals("unable to find user ghost: no matching entries in passwd file", e.getMessage());
    }

    @Test
    void hostsAndHostname() {
        String hosts = EtcFiles.hosts("abc123", "");
        assertTrue(hosts.startsWith("127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n"));
        assertTrue(hosts.endsWith("127.0.0.1\tabc123\n"));
        assertEquals("abc123\n", EtcFiles.hostname("abc123"));
    }

    @Test
    void resolvConfDropsLoopbackServers() {
        assertEquals("search example.com\nnameserver 10.0.0.2\n",
                EtcFiles.resolvConf(List.of("search example.com", "nameserver 127.0.0.53", "nameserver 10.0.0.2")));
        assertEquals("options edns0\nnameserver 8.8.8.8\nnameserver 8.8.4.4\n",
                EtcFiles.resolvConf(List.of("nameserver 127.0.0.53", "options edns0")));
    }
}

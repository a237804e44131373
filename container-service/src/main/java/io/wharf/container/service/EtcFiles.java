package io.wharf.container.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The /etc/hostname, /etc/hosts and /etc/resolv.conf a container gets bind-mounted. */
public final class EtcFiles {
    static final List<String> DEFAULT_NAMESERVERS = List.of("nameserver 8.8.8.8", "nameserver 8.8.4.4");

    private EtcFiles() {
    }

    public static String hostname(String hostname) {
        return hostname + "\n";
    }

    /** Docker's localhost lines; without a network address the hostname resolves to loopback. */
    public static String hosts(String hostname, String domainname) {
        return hosts(hostname, domainname, "127.0.0.1", List.of());
    }

    /** Docker's localhost lines, then {@code extra} lines (--add-host, links), then the container's own address. */
    public static String hosts(String hostname, String domainname, String address, List<String> extra) {
        String names = domainname == null || domainname.isEmpty() ? hostname : hostname + "." + domainname + " " + hostname;
        return "127.0.0.1\tlocalhost\n"
                + "::1\tlocalhost ip6-localhost ip6-loopback\n"
                + "fe00::0\tip6-localnet\n"
                + "ff00::0\tip6-mcastprefix\n"
                + "ff02::1\tip6-allnodes\n"
                + "ff02::2\tip6-allrouters\n"
                + extra.stream().map(l -> l + "\n").collect(java.util.stream.Collectors.joining())
                + address + "\t" + names + "\n";
    }

    /**
     * The host's resolv.conf without loopback name servers (unreachable from the container's network
     * namespace); Google's public servers when none remain, as dockerd does.
     */
    public static String resolvConf(List<String> hostLines) {
        List<String> out = new ArrayList<>();
        boolean hasNameserver = false;
        for (String line : hostLines) {
            String t = line.trim();
            if (t.startsWith("nameserver")) {
                String[] f = t.split("\\s+");
                if (f.length < 2 || f[1].startsWith("127.") || f[1].equals("::1")) {
                    continue;
                }
                hasNameserver = true;
            }
            out.add(line);
        }
        if (!hasNameserver) {
            out.addAll(DEFAULT_NAMESERVERS);
        }
        return String.join("\n", out) + "\n";
    }

    /** Writes the three files into the container directory. */
    public static void write(Path dir, String hostname, String domainname) throws IOException {
        Files.writeString(dir.resolve("hostname"), hostname(hostname));
        Files.writeString(dir.resolve("hosts"), hosts(hostname, domainname));
        Path hostResolv = Path.of("/etc/resolv.conf");
        List<String> lines = Files.isReadable(hostResolv) ? Files.readAllLines(hostResolv) : List.of();
        Files.writeString(dir.resolve("resolv.conf"), resolvConf(lines));
    }
}

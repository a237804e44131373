package io.wharf.container.service.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.container.service.EtcFiles;
import java.util.ArrayList;
import java.util.List;

/**
 * A networked container's /etc/hosts and /etc/resolv.conf, as dockerd writes them: its own address for its
 * hostname, {@code --add-host} and link entries; the embedded DNS as name server on user-defined networks
 * (with {@code options ndots:0}), else {@code --dns} or the host's servers; {@code --dns-search} and
 * {@code --dns-option} replace the host's search and options lines ({@code --dns-search .}: none).
 */
final class NetworkEtcFiles {
    private NetworkEtcFiles() {
    }

    /** {@code --add-host name:ip} as hosts lines ({@code ip\tname}). */
    static List<String> extraHosts(JsonNode hostConfig) {
        List<String> out = new ArrayList<>();
        for (JsonNode h : hostConfig.path("ExtraHosts")) {
            String entry = h.asText();
            int colon = entry.indexOf(':');
            if (colon > 0) {
                out.add(entry.substring(colon + 1) + "\t" + entry.substring(0, colon));
            }
        }
        return out;
    }

    static String hosts(String hostname, String domainname, String address, List<String> extra) {
        return EtcFiles.hosts(hostname, domainname, address == null || address.isEmpty() ? "127.0.0.1" : address, extra);
    }

    /** {@code embeddedDns} null: no embedded DNS (default bridge, none). */
    static String resolvConf(List<String> hostLines, JsonNode hostConfig, String embeddedDns) {
        List<String> dns = strings(hostConfig.path("Dns"));
        List<String> search = strings(hostConfig.path("DnsSearch"));
        List<String> options = strings(hostConfig.path("DnsOptions"));
        List<String> servers = new ArrayList<>();
        List<String> hostSearch = new ArrayList<>();
        List<String> hostOptions = new ArrayList<>();
        for (String line : EtcFiles.resolvConf(hostLines).split("\n")) {
            String t = line.trim();
            if (t.startsWith("nameserver")) {
                servers.add(t);
            } else if (t.startsWith("search") || t.startsWith("domain")) {
                hostSearch.add(t.startsWith("domain") ? "search" + t.substring("domain".length()) : t);
            } else if (t.startsWith("options")) {
                hostOptions.add(t);
            }
        }
        StringBuilder sb = new StringBuilder();
        if (embeddedDns != null) {
            sb.append("nameserver ").append(embeddedDns).append('\n');
        } else if (!dns.isEmpty()) {
            dns.forEach(s -> sb.append("nameserver ").append(s).append('\n'));
        } else {
            servers.forEach(s -> sb.append(s).append('\n'));
        }
        if (!search.isEmpty()) {
            List<String> domains = search.stream().filter(s -> !s.equals(".")).toList();
            if (!domains.isEmpty()) {
                sb.append("search ").append(String.join(" ", domains)).append('\n');
            }
        } else {
            hostSearch.forEach(s -> sb.append(s).append('\n'));
        }
        if (!options.isEmpty()) {
            sb.append("options ").append(String.join(" ", options)).append('\n');
        } else if (embeddedDns != null) {
            sb.append("options ndots:0\n");
        } else {
            hostOptions.forEach(s -> sb.append(s).append('\n'));
        }
        return sb.toString();
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(v -> out.add(v.asText()));
        }
        return out;
    }
}

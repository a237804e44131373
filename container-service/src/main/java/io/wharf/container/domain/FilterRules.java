package io.wharf.container.domain;

import java.util.List;

/**
 * The agent's iptables rules, computed whole from the active bridges and published ports (the way
 * dockerd sets them up with its userland proxy off):
 * <ul>
 * <li>nat {@code P-POSTROUTING}: MASQUERADE of a subnet's traffic leaving by another interface (unless
 * internal or masquerade off); MASQUERADE of host-local sources into the bridge (the host's 127.0.0.1
 * reaching a published port, with route_localnet on the bridge), and of DNATed traffic from the bridge
 * back into it (hairpin);</li>
 * <li>nat {@code P-DNAT} (entered for local destinations from PREROUTING and OUTPUT): one DNAT per
 * published port;</li>
 * <li>filter {@code P-FORWARD}: internal networks neither leave nor are entered from outside, icc off
 * drops bridge-local traffic, different networks are isolated from each other; replies, outbound,
 * icc and published traffic are accepted.</li>
 * </ul>
 */
public final class FilterRules {

    public record Bridge(String name, String subnet, boolean internal, boolean icc, boolean masquerade) {
    }

    public record Port(String proto, String hostIp, int hostPort, String containerIp, int containerPort) {
    }

    private FilterRules() {
    }

    public static String nat(String prefix, List<Bridge> bridges, List<Port> ports) {
        String post = "-A " + prefix + "-POSTROUTING ";
        StringBuilder sb = new StringBuilder();
        for (Bridge b : bridges) {
            if (b.masquerade() && !b.internal()) {
                sb.append(post).append("-s ").append(b.subnet()).append(" ! -o ").append(b.name()).append(" -j MASQUERADE\n");
            }
            sb.append(post).append("-o ").append(b.name()).append(" -m addrtype --src-type LOCAL -j MASQUERADE\n");
            sb.append(post).append("-s ").append(b.subnet()).append(" -o ").append(b.name())
                    .append(" -m conntrack --ctstate DNAT -j MASQUERADE\n");
        }
        for (Port p : ports) {
            sb.append("-A ").append(prefix).append("-DNAT -p ").append(p.proto());
            if (!p.hostIp().isEmpty() && !p.hostIp().equals("0.0.0.0")) {
                sb.append(" -d ").append(p.hostIp());
            }
            sb.append(" -m ").append(p.proto()).append(" --dport ").append(p.hostPort()).append(" -j DNAT --to-destination ")
                    .append(p.containerIp()).append(':').append(p.containerPort()).append('\n');
        }
        return sb.toString();
    }

    public static String filter(String prefix, List<Bridge> bridges) {
        String fwd = "-A " + prefix + "-FORWARD ";
        StringBuilder sb = new StringBuilder();
        for (Bridge b : bridges) {
            for (Bridge other : bridges) {
                if (!other.name().equals(b.name())) {
                    sb.append(fwd).append("-i ").append(b.name()).append(" -o ").append(other.name()).append(" -j DROP\n");
                }
            }
            if (b.internal()) {
                sb.append(fwd).append("-i ").append(b.name()).append(" ! -o ").append(b.name()).append(" -j DROP\n");
                sb.append(fwd).append("! -i ").append(b.name()).append(" -o ").append(b.name()).append(" -j DROP\n");
            }
            sb.append(fwd).append("-i ").append(b.name()).append(" -o ").append(b.name()).append(" -j ")
                    .append(b.icc() ? "ACCEPT" : "DROP").append('\n');
            sb.append(fwd).append("-o ").append(b.name()).append(" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\n");
            sb.append(fwd).append("-o ").append(b.name()).append(" -m conntrack --ctstate DNAT -j ACCEPT\n");
            if (!b.internal()) {
                sb.append(fwd).append("-i ").append(b.name()).append(" ! -o ").append(b.name()).append(" -j ACCEPT\n");
            }
        }
        return sb.toString();
    }
}

package io.wharf.container.runtime;

import io.wharf.common.error.WharfException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The agent's chains through {@code iptables-restore --noflush} (declaring a chain flushes it, so each
 * apply replaces the chain's rules in one transaction) and the jumps to them with {@code iptables}.
 * Chains: nat {@code <P>-DNAT} (from PREROUTING and OUTPUT for local destinations), nat
 * {@code <P>-POSTROUTING}, filter {@code <P>-FORWARD}; {@code <P>} is the configured chain prefix.
 */
public class IptablesPacketFilter implements PacketFilter {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private final String prefix;
    /** The jumps were checked (and added) since the last removal. */
    private boolean jumpsInPlace;

    public IptablesPacketFilter(String prefix) {
        this.prefix = prefix;
    }

    private List<List<String>> jumps() {
        return List.of(
                List.of("nat", "PREROUTING", "-m", "addrtype", "--dst-type", "LOCAL", "-j", prefix + "-DNAT"),
                List.of("nat", "OUTPUT", "-m", "addrtype", "--dst-type", "LOCAL", "-j", prefix + "-DNAT"),
                List.of("nat", "POSTROUTING", "-j", prefix + "-POSTROUTING"),
                List.of("filter", "FORWARD", "-j", prefix + "-FORWARD"));
    }

    @Override
    public synchronized void apply(String natRules, String filterRules) {
        String text = "*nat\n:" + prefix + "-DNAT - [0:0]\n:" + prefix + "-POSTROUTING - [0:0]\n" + natRules
                + "COMMIT\n*filter\n:" + prefix + "-FORWARD - [0:0]\n" + filterRules + "COMMIT\n";
        restore(text);
        if (jumpsInPlace) {
            return;
        }
        for (List<String> jump : jumps()) {
            List<String> rule = jump.subList(1, jump.size());
            if (!iptables(jump.get(0), "-C", rule).ok()) {
                check(iptables(jump.get(0), "-I", rule), "cannot add jump to " + rule.get(rule.size() - 1));
            }
        }
        jumpsInPlace = true;
    }

    @Override
    public synchronized void removeAll() {
        jumpsInPlace = false;
        for (List<String> jump : jumps()) {
            List<String> rule = jump.subList(1, jump.size());
            while (iptables(jump.get(0), "-C", rule).ok()) {
                if (!iptables(jump.get(0), "-D", rule).ok()) {
                    break;
                }
            }
        }
        for (String[] chain : new String[][] {{"nat", "-DNAT"}, {"nat", "-POSTROUTING"}, {"filter", "-FORWARD"}}) {
            iptables(chain[0], "-F", List.of(prefix + chain[1]));
            iptables(chain[0], "-X", List.of(prefix + chain[1]));
        }
    }

    private static Processes.Result iptables(String table, String op, List<String> rule) {
        List<String> cmd = new java.util.ArrayList<>(List.of("iptables", "-w", "-t", table, op));
        cmd.addAll(rule);
        return Processes.run(cmd, TIMEOUT);
    }

    private static void restore(String text) {
        Path file;
        try {
            file = Files.createTempFile("wharf-iptables", ".rules");
            Files.writeString(file, text);
        } catch (IOException e) {
            throw WharfException.system("cannot write iptables rules: " + e.getMessage(), e);
        }
        try {
            check(Processes.run(List.of("iptables-restore", "-w", "--noflush", file.toString()), TIMEOUT),
                    "iptables-restore failed");
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file
            }
        }
    }

    private static void check(Processes.Result r, String what) {
        if (!r.ok()) {
            throw WharfException.system(what + ": " + r.output(), null);
        }
    }
}

package io.wharf.container.runtime;

import io.wharf.common.error.WharfException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Bridges and veths with iproute2's {@code ip} (inside a namespace through {@code nsenter --net}). */
@ApplicationScoped
public class IpNetworkLinks implements NetworkLinks {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Override
    public synchronized void ensureBridge(String name, String gatewayCidr, int mtu) {
        if (!exists(name)) {
            Processes.Result add = Processes.run(List.of("ip", "link", "add", name, "mtu", Integer.toString(mtu),
                    "type", "bridge"), TIMEOUT);
            if (!add.ok() && !exists(name)) {
                throw WharfException.system("cannot create bridge " + name + ": " + add.output(), null);
            }
        }
        Processes.Result addr = Processes.run(List.of("ip", "addr", "replace", gatewayCidr, "dev", name), TIMEOUT);
        check(addr, "cannot address bridge " + name);
        check(Processes.run(List.of("ip", "link", "set", name, "up"), TIMEOUT), "cannot bring up bridge " + name);
        // published ports are reached from the host's 127.0.0.1 through DNAT: the bridge must route loopback sources
        writeSysctl("/proc/sys/net/ipv4/conf/" + name + "/route_localnet", "1");
    }

    @Override
    public void delete(String name) {
        if (exists(name)) {
            Processes.Result r = Processes.run(List.of("ip", "link", "del", name), TIMEOUT);
            if (!r.ok() && exists(name)) {
                throw WharfException.system("cannot delete link " + name + ": " + r.output(), null);
            }
        }
    }

    @Override
    public boolean exists(String name) {
        return Files.exists(Path.of("/sys/class/net", name));
    }

    @Override
    public List<String> list(String prefix) {
        List<String> out = new ArrayList<>();
        try (var names = Files.list(Path.of("/sys/class/net"))) {
            names.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).forEach(out::add);
        } catch (IOException e) {
            throw WharfException.system("cannot list links: " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public void addVeth(Path netns, Veth v) {
        delete(v.hostName());
        check(Processes.run(List.of("ip", "link", "add", v.hostName(), "mtu", Integer.toString(v.mtu()), "type", "veth",
                "peer", "name", v.ifName(), "mtu", Integer.toString(v.mtu()), "netns", netns.toString()), TIMEOUT),
                "cannot create veth " + v.hostName());
        try {
            check(Processes.run(List.of("ip", "link", "set", v.hostName(), "master", v.bridge(), "up"), TIMEOUT),
                    "cannot attach " + v.hostName() + " to " + v.bridge());
            // hairpin: a container reaches its own published port through the host
            writeSysctl("/sys/class/net/" + v.hostName() + "/brport/hairpin_mode", "1");
            StringBuilder batch = new StringBuilder();
            batch.append("link set ").append(v.ifName()).append(" address ").append(v.mac()).append('\n');
            batch.append("addr add ").append(v.addressCidr()).append(" dev ").append(v.ifName()).append('\n');
            batch.append("link set ").append(v.ifName()).append(" up\n");
            if (v.defaultGateway() != null) {
                batch.append("route add default via ").append(v.defaultGateway()).append(" dev ").append(v.ifName()).append('\n');
            }
            inNamespace(netns, batch.toString(), "cannot configure " + v.ifName());
        } catch (RuntimeException e) {
            delete(v.hostName());
            throw e;
        }
    }

    @Override
    public void deleteInNamespace(Path netns, String ifName) {
        Processes.run(List.of("nsenter", "--net=" + netns, "ip", "link", "del", ifName), TIMEOUT);
    }

    private static void inNamespace(Path netns, String batch, String what) {
        Path script;
        try {
            script = Files.createTempFile("wharf-ip", ".batch");
            Files.writeString(script, batch);
        } catch (IOException e) {
            throw WharfException.system(what + ": " + e.getMessage(), e);
        }
        try {
            check(Processes.run(List.of("nsenter", "--net=" + netns, "ip", "-batch", script.toString()), TIMEOUT), what);
        } finally {
            try {
                Files.deleteIfExists(script);
            } catch (IOException ignored) {
                // a temporary file
            }
        }
    }

    private static void writeSysctl(String path, String value) {
        try {
            Files.writeString(Path.of(path), value);
        } catch (IOException e) {
            throw WharfException.system("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    private static void check(Processes.Result r, String what) {
        if (!r.ok()) {
            throw WharfException.system(what + ": " + r.output(), null);
        }
    }
}

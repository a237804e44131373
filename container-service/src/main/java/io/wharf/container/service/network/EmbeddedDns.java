package io.wharf.container.service.network;

import io.quarkus.runtime.ShutdownEvent;
import io.wharf.container.domain.DnsQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Wharf's embedded DNS (Docker's 127.0.0.11): a UDP responder on port 53 of the gateway address of each
 * user-defined network in use, so the network a query comes from is the socket it arrives on. It answers
 * A queries for the names of that network's containers (name, aliases, short id) and forwards every other
 * query to the host's name servers (from the host's /etc/resolv.conf), relaying the answer.
 */
@ApplicationScoped
public class EmbeddedDns {
    private static final Logger LOG = Logger.getLogger(EmbeddedDns.class);
    private static final int FORWARD_TIMEOUT_MS = 3000;

    /** The addresses of a name on a network, empty when the network has no such container. */
    public interface Resolver {
        List<String> resolve(String networkId, String name);
    }

    private final Map<String, DatagramSocket> sockets = new ConcurrentHashMap<>();
    private final ExecutorService forwarders = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "dns-forward");
        t.setDaemon(true);
        return t;
    });
    private volatile Resolver resolver = (network, name) -> List.of();

    void resolver(Resolver r) {
        this.resolver = r;
    }

    /** Starts answering on {@code gateway:53} for the network; a no-op when already listening there. */
    public synchronized void listen(String gateway, String networkId) {
        if (sockets.containsKey(gateway)) {
            return;
        }
        DatagramSocket socket;
        try {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(gateway), 53));
        } catch (IOException e) {
            LOG.warnf("embedded DNS cannot listen on %s:53: %s", gateway, e.getMessage());
            return;
        }
        sockets.put(gateway, socket);
        Thread t = new Thread(() -> serve(socket, networkId), "dns-" + gateway);
        t.setDaemon(true);
        t.start();
    }

    public synchronized void stop(String gateway) {
        DatagramSocket s = sockets.remove(gateway);
        if (s != null) {
            s.close();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        sockets.keySet().forEach(this::stop);
        forwarders.shutdownNow();
    }

    private void serve(DatagramSocket socket, String networkId) {
        byte[] buf = new byte[4096];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(packet);
            } catch (IOException e) {
                return; // closed
            }
            byte[] query = Arrays.copyOf(packet.getData(), packet.getLength());
            InetSocketAddress from = (InetSocketAddress) packet.getSocketAddress();
            Optional<DnsQuery> q = DnsQuery.parse(query, query.length);
            if (q.isEmpty()) {
                continue;
            }
            String name = q.get().name().endsWith(".") ? q.get().name().substring(0, q.get().name().length() - 1) : q.get().name();
            List<String> addresses = resolver.resolve(networkId, name);
            if (!addresses.isEmpty()) {
                send(socket, q.get().answer(query, bytes(addresses)), from);
            } else {
                forwarders.execute(() -> forward(socket, q.get(), query, from));
            }
        }
    }

    private void forward(DatagramSocket socket, DnsQuery q, byte[] query, InetSocketAddress client) {
        for (String server : hostNameservers()) {
            try (DatagramSocket upstream = new DatagramSocket()) {
                upstream.setSoTimeout(FORWARD_TIMEOUT_MS);
                upstream.send(new DatagramPacket(query, query.length, new InetSocketAddress(InetAddress.getByName(server), 53)));
                byte[] buf = new byte[4096];
                DatagramPacket answer = new DatagramPacket(buf, buf.length);
                upstream.receive(answer);
                send(socket, Arrays.copyOf(answer.getData(), answer.getLength()), client);
                return;
            } catch (SocketTimeoutException e) {
                LOG.debugf("name server %s did not answer", server);
            } catch (IOException e) {
                LOG.debugf("forwarding to %s: %s", server, e.getMessage());
            }
        }
        send(socket, q.serverFailure(query), client);
    }

    private static List<String> hostNameservers() {
        List<String> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of("/etc/resolv.conf"))) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 2 && f[0].equals("nameserver") && !f[1].contains(":")) {
                    out.add(f[1]);
                }
            }
        } catch (IOException e) {
            LOG.debugf("cannot read the host's resolv.conf: %s", e.getMessage());
        }
        return out;
    }

    private static List<byte[]> bytes(List<String> addresses) {
        List<byte[]> out = new ArrayList<>();
        for (String a : addresses) {
            try {
                out.add(InetAddress.getByName(a).getAddress());
            } catch (IOException e) {
                LOG.debugf("bad address %s", a);
            }
        }
        return out;
    }

    private static void send(DatagramSocket socket, byte[] data, InetSocketAddress to) {
        try {
            socket.send(new DatagramPacket(data, data.length, to));
        } catch (SocketException e) {
            LOG.debugf("DNS socket closed: %s", e.getMessage());
        } catch (IOException e) {
            LOG.debugf("cannot answer %s: %s", to, e.getMessage());
        }
    }
}

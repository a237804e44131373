package io.wharf.container.runtime;

import io.quarkus.runtime.ShutdownEvent;
import io.wharf.container.config.HostLayout;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * conmon's console: {@code <run-root>/conmon/<id>} is conmon's symlink to the bundle, holding the
 * {@code attach} socket (SOCK_SEQPACKET; bytes written go to stdin, messages read start with the pipe
 * number) and the {@code ctl} fifo ({@code "1 <height> <width>\n"} resizes the terminal). The symlink
 * exists only while the container's monitor runs: the runtime removes it when the container is deleted.
 */
@ApplicationScoped
public class ConmonConsole implements ContainerConsole {
    private final HostLayout layout;
    private final ExecutorService readers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "console-read");
        t.setDaemon(true);
        return t;
    });

    public ConmonConsole(HostLayout layout) {
        this.layout = layout;
    }

    void onStop(@Observes ShutdownEvent event) {
        readers.shutdownNow();
    }

    @Override
    public ConsoleSocket connect(String id, Consumer<byte[]> output) throws IOException {
        Path socket = layout.conmonSocketDir().resolve(id).resolve("attach");
        if (!Files.exists(socket)) {
            throw new FileNotFoundException(socket.toString());
        }
        return SeqPacketSocket.connect(socket, output, readers);
    }

    @Override
    public void resize(String id, int height, int width) throws IOException {
        Path ctl = layout.conmonSocketDir().resolve(id).resolve("ctl");
        if (!Files.exists(ctl)) {
            throw new FileNotFoundException(ctl.toString());
        }
        // read-write never blocks on a fifo, even if the monitor were gone
        try (RandomAccessFile fifo = new RandomAccessFile(ctl.toFile(), "rw")) {
            fifo.write(("1 " + height + " " + width + "\n").getBytes(StandardCharsets.US_ASCII));
        }
    }
}

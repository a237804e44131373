package io.wharf.container.runtime;

import io.wharf.common.error.WharfException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** GNU tar with numeric owners and xattrs, as in layers. */
@ApplicationScoped
public class GnuTarStreams implements TarStreams {
    private final LayerUnpacker unpacker;

    public GnuTarStreams(LayerUnpacker unpacker) {
        this.unpacker = unpacker;
    }

    @Override
    public void create(Path dir, String name, String rebaseAs, OutputStream out) {
        List<String> command = new ArrayList<>(List.of("tar", "-c", "--numeric-owner", "--xattrs",
                "--xattrs-include=*", "-f", "-", "-C", dir.toString()));
        if (rebaseAs != null && !rebaseAs.equals(name)) {
            command.add("--transform=s|^" + sedQuote(name) + "|" + sedQuote(rebaseAs) + "|S");
        }
        command.add("--files-from=/dev/null");
        command.add("--");
        command.addAll(names(dir, name));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw WharfException.system("cannot run tar: " + e.getMessage(), e);
        }
        CompletableFuture<String> err = Processes.drain(process.getErrorStream());
        try (InputStream tar = process.getInputStream()) {
            tar.transferTo(out);
            out.flush();
        } catch (IOException e) {
            process.destroyForcibly();
            throw WharfException.system("archive of " + dir.resolve(name) + " failed: " + e.getMessage(), e);
        }
        try {
            int code = process.waitFor();
            // 1: "file changed as we read it", which a running container may well do
            if (code > 1) {
                throw WharfException.system("tar failed: " + err.join().trim(), null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw WharfException.system("interrupted while archiving", e);
        }
    }

    @Override
    public void extract(InputStream tar, Path dir) {
        unpacker.unpack(tar, dir);
    }

    /** "." stands for the directory's entries, so they are named {@code bin/...} as in docker export, not {@code ./bin/...}. */
    private static List<String> names(Path dir, String name) {
        if (!name.equals(".")) {
            return List.of(name);
        }
        try (var children = java.nio.file.Files.list(dir)) {
            return children.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw WharfException.system("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String sedQuote(String s) {
        return s.replaceAll("([\\\\.\\[\\]*^$|&])", "\\\\$1");
    }
}

package io.wharf.container.runtime;

import io.wharf.common.error.WharfException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * GNU tar does the extraction: numeric owners, permissions, xattrs; it refuses members with {@code ..}
 * and strips leading slashes. The caller extracts into a fresh private directory.
 */
@ApplicationScoped
public class GnuTarUnpacker implements LayerUnpacker {

    @Override
    public void unpack(InputStream tar, Path dir) {
        List<String> command = List.of("tar", "-x", "--numeric-owner", "-p", "--xattrs", "--xattrs-include=*", "-f", "-", "-C", dir.toString());
        Process process;
        try {
            process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw WharfException.system("cannot run tar: " + e.getMessage(), e);
        }
        CompletableFuture<String> err = Processes.drain(process.getErrorStream());
        IOException copyFailure = null;
        try (OutputStream in = process.getOutputStream()) {
            tar.transferTo(in);
        } catch (IOException e) {
            copyFailure = e;
        }
        try {
            // drain what tar did not read (trailing padding), so digests see the whole stream
            tar.transferTo(OutputStream.nullOutputStream());
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw WharfException.system("tar timed out unpacking into " + dir, null);
            }
        } catch (IOException e) {
            throw WharfException.system("cannot read layer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw WharfException.system("interrupted while unpacking into " + dir, e);
        }
        if (process.exitValue() != 0 || copyFailure != null) {
            throw WharfException.system("tar failed unpacking into " + dir + ": " + err.join().trim()
                    + (copyFailure == null ? "" : " (" + copyFailure.getMessage() + ")"), copyFailure);
        }
    }
}

package io.wharf.container.runtime;

import io.wharf.common.error.WharfException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** GNU {@code cp -a from/. to}: symbolic links are copied as links, never followed. */
@ApplicationScoped
public class CpTreeCopier implements TreeCopier {
    @Override
    public void copyContents(Path from, Path to) {
        try {
            Process p = new ProcessBuilder("cp", "-a", "--", from.toString() + "/.", to.toString())
                    .redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor() != 0) {
                throw WharfException.system("cannot copy " + from + " to " + to + ": " + out, null);
            }
        } catch (IOException e) {
            throw WharfException.system("cannot copy " + from + " to " + to + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw WharfException.system("interrupted while copying " + from, e);
        }
    }
}

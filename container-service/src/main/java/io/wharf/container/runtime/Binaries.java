package io.wharf.container.runtime;

import io.wharf.common.error.WharfException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds configured executables (a name on PATH or a path). */
final class Binaries {
    private Binaries() {
    }

    static String resolve(String nameOrPath) {
        if (nameOrPath.contains("/")) {
            return Path.of(nameOrPath).toAbsolutePath().toString();
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        for (String dir : (path + ":/usr/sbin:/sbin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, nameOrPath);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return candidate.toAbsolutePath().toString();
            }
        }
        throw WharfException.system(nameOrPath + " not found on PATH", null);
    }
}

package io.wharf.container.runtime;

import io.wharf.common.error.WharfException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * moby's {@code symlink.FollowSymlinkInScope}: a container path resolved inside its rootfs, where
 * {@code ..} stops at the root and absolute symbolic links start again from the root, so the result
 * never leaves it.
 */
public final class ScopedPaths {
    private static final int MAX_LINKS = 255;

    private ScopedPaths() {
    }

    /** Resolves every component, the last one too. */
    public static Path resolve(Path root, String path) {
        Deque<String> todo = new ArrayDeque<>();
        push(todo, path);
        Deque<String> done = new ArrayDeque<>();
        int links = 0;
        while (!todo.isEmpty()) {
            String part = todo.pop();
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                done.pollLast();
                continue;
            }
            Path candidate = join(root, done).resolve(part);
            if (Files.isSymbolicLink(candidate)) {
                if (++links > MAX_LINKS) {
                    throw WharfException.invalid("too many links in " + path);
                }
                String target;
                try {
                    target = Files.readSymbolicLink(candidate).toString();
                } catch (IOException e) {
                    throw WharfException.system("cannot read link " + candidate + ": " + e.getMessage(), e);
                }
                if (target.startsWith("/")) {
                    done.clear();
                }
                push(todo, target);
                continue;
            }
            done.addLast(part);
        }
        return join(root, done);
    }

    /** Resolves all but the last component (which is kept as is unless it is {@code .} or {@code ..}). */
    public static Path resolveParent(Path root, String path) {
        String trimmed = path;
        while (trimmed.length() > 1 && trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        int slash = trimmed.lastIndexOf('/');
        String base = trimmed.substring(slash + 1);
        String parent = slash < 0 ? "" : trimmed.substring(0, slash);
        if (base.isEmpty() || base.equals(".") || base.equals("..")) {
            return resolve(root, trimmed);
        }
        return resolve(root, parent).resolve(base);
    }

    /** True when {@code p} exists as a symbolic link. */
    public static boolean isLink(Path p) {
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS) && Files.isSymbolicLink(p);
    }

    private static void push(Deque<String> todo, String path) {
        String[] parts = path.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            todo.push(parts[i]);
        }
    }

    private static Path join(Path root, Deque<String> parts) {
        Path p = root;
        for (String part : parts) {
            p = p.resolve(part);
        }
        return p;
    }
}

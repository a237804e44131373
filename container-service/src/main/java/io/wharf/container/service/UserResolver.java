package io.wharf.container.service;

import io.wharf.common.error.WharfException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves Docker's {@code user[:group]} (names or numbers) against the container's /etc/passwd and
 * /etc/group, as runc's user package does.
 */
public final class UserResolver {

    public record Ids(int uid, int gid, List<Integer> additionalGids) {
    }

    private UserResolver() {
    }

    /** Reads the rootfs's passwd and group files only when names need them. */
    public static Ids resolve(String user, Path rootfs) {
        return resolve(user, read(rootfs.resolve("etc/passwd")), read(rootfs.resolve("etc/group")));
    }

    static Ids resolve(String user, List<String> passwd, List<String> group) {
        String spec = user == null ? "" : user.trim();
        String userPart = spec;
        String groupPart = null;
        int colon = spec.indexOf(':');
        if (colon >= 0) {
            userPart = spec.substring(0, colon);
            groupPart = spec.substring(colon + 1);
        }
        if (userPart.isEmpty()) {
            userPart = "0";
        }
        int uid;
        int gid = 0;
        String userName = null;
        String[] entry = find(passwd, userPart);
        if (entry != null) {
            uid = Integer.parseInt(entry[2]);
            gid = entry.length > 3 && isNumber(entry[3]) ? Integer.parseInt(entry[3]) : 0;
            userName = entry[0];
        } else if (isNumber(userPart)) {
            uid = Integer.parseInt(userPart);
        } else {
            throw WharfException.invalid("unable to find user " + userPart + ": no matching entries in passwd file");
        }
        if (groupPart != null && !groupPart.isEmpty()) {
            String[] g = find(group, groupPart);
            if (g != null) {
                gid = Integer.parseInt(g[2]);
            } else if (isNumber(groupPart)) {
                gid = Integer.parseInt(groupPart);
            } else {
                throw WharfException.invalid("unable to find group " + groupPart + ": no matching entries in group file");
            }
        }
        List<Integer> additional = new ArrayList<>();
        if (userName != null && groupPart == null) {
            for (String line : group) {
                String[] g = line.split(":", -1);
                if (g.length >= 4 && isNumber(g[2]) && List.of(g[3].split(",")).contains(userName)) {
                    int id = Integer.parseInt(g[2]);
                    if (id != gid && !additional.contains(id)) {
                        additional.add(id);
                    }
                }
            }
        }
        return new Ids(uid, gid, additional);
    }

    /** The entry whose name, or else whose id (third field), matches. */
    private static String[] find(List<String> lines, String nameOrId) {
        String[] byId = null;
        for (String line : lines) {
            String[] f = line.split(":", -1);
            if (line.startsWith("#") || f.length < 3 || !isNumber(f[2])) {
                continue;
            }
            if (f[0].equals(nameOrId)) {
                return f;
            }
            if (byId == null && f[2].equals(nameOrId)) {
                byId = f;
            }
        }
        return byId;
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }

    private static List<String> read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }
}

package io.wharf.container.domain;

import java.util.Set;
import java.util.TreeSet;

/** The kernel's cpuset list format: "0-3,6". */
public final class CpuSets {
    private CpuSets() {
    }

    public static Set<Integer> parse(String list) {
        Set<Integer> out = new TreeSet<>();
        String s = list.strip();
        if (s.isEmpty()) {
            return out;
        }
        for (String part : s.split(",")) {
            int dash = part.indexOf('-');
            try {
                if (dash < 0) {
                    out.add(Integer.parseInt(part.strip()));
                } else {
                    int from = Integer.parseInt(part.substring(0, dash).strip());
                    int to = Integer.parseInt(part.substring(dash + 1).strip());
                    if (from > to || from < 0) {
                        throw new IllegalArgumentException(part);
                    }
                    for (int i = from; i <= to; i++) {
                        out.add(i);
                    }
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(part, e);
            }
        }
        return out;
    }
}

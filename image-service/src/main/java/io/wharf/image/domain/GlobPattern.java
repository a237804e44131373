package io.wharf.image.domain;

import io.wharf.common.error.WharfException;
import java.util.regex.Pattern;

/** Go's {@code path.Match} patterns ({@code *}, {@code ?}, {@code [...]}, {@code \}), which never match '/'. */
public final class GlobPattern {
    private final Pattern regex;

    private GlobPattern(Pattern regex) {
        this.regex = regex;
    }

    public static GlobPattern compile(String glob) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> out.append("[^/]*");
                case '?' -> out.append("[^/]");
                case '\\' -> {
                    if (i + 1 >= glob.length()) {
                        throw badPattern(glob);
                    }
                    out.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                }
                case '[' -> i = charClass(glob, i, out);
                default -> out.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        return new GlobPattern(Pattern.compile(out.toString()));
    }

    /** Copies a character class; returns the index of its closing bracket. */
    private static int charClass(String glob, int start, StringBuilder out) {
        int i = start + 1;
        out.append('[');
        if (i < glob.length() && glob.charAt(i) == '^') {
            out.append('^');
            i++;
        }
        boolean first = true;
        while (i < glob.length() && (glob.charAt(i) != ']' || first)) {
            char c = glob.charAt(i);
            if (c == '\\' && i + 1 < glob.length()) {
                c = glob.charAt(++i);
            }
            if (c == '-' && !first && i + 1 < glob.length() && glob.charAt(i + 1) != ']') {
                out.append('-');
            } else {
                out.append(Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c);
            }
            first = false;
            i++;
        }
        if (i >= glob.length()) {
            throw badPattern(glob);
        }
        out.append(']');
        return i;
    }

    private static WharfException badPattern(String glob) {
        return WharfException.invalid("syntax error in pattern: " + glob);
    }

    public boolean matches(String value) {
        return regex.matcher(value).matches();
    }
}

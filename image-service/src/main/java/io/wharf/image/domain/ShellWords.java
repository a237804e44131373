package io.wharf.image.domain;

import io.wharf.common.error.WharfException;
import java.util.ArrayList;
import java.util.List;

/**
 * Dockerfile word processing: single quotes are literal, double quotes allow {@code \"}, {@code \\}
 * and {@code \$}, an unquoted backslash escapes the next character. Variables are not expanded.
 */
public final class ShellWords {
    private ShellWords() {
    }

    /** Splits on unquoted whitespace, removing quotes and escapes. */
    public static List<String> split(String input) {
        List<String> words = new ArrayList<>();
        process(input, true, words);
        return words;
    }

    /** Removes quotes and escapes, keeping whitespace as it is. */
    public static String unquote(String input) {
        List<String> words = new ArrayList<>();
        process(input, false, words);
        return words.isEmpty() ? "" : words.get(0);
    }

    private static void process(String s, boolean split, List<String> words) {
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (split && Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
                continue;
            }
            inWord = true;
            if (c == '\'') {
                int end = s.indexOf('\'', i + 1);
                if (end < 0) {
                    throw WharfException.invalid("unexpected end of statement while looking for matching single-quote");
                }
                word.append(s, i + 1, end);
                i = end + 1;
            } else if (c == '"') {
                i = doubleQuoted(s, i + 1, word);
            } else if (c == '\\' && i + 1 < s.length()) {
                word.append(s.charAt(i + 1));
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        if (inWord || !split) {
            words.add(word.toString());
        }
    }

    private static int doubleQuoted(String s, int start, StringBuilder word) {
        int i = start;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < s.length() && "\"\\$".indexOf(s.charAt(i + 1)) >= 0) {
                word.append(s.charAt(i + 1));
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        throw WharfException.invalid("unexpected end of statement while looking for matching double-quote");
    }
}

package io.pixpool.core;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Output file names from a pattern such as {@code {name}-{w}x{h}} or {@code photo-{n:4}}.
 * Tokens: {@code {name}} source base name, {@code {ext}} source extension (no dot), {@code {w}} {@code {h}} output
 * size, {@code {n}} 1-based counter ({@code {n:K}} zero-pads to K digits). The output extension is added after.
 */
public final class NamePattern {

    private static final Pattern TOKEN = Pattern.compile("\\{([a-z]+)(?::(\\d{1,2}))?}");
    private static final String FORBIDDEN = "/\\:*?\"<>|\0";

    private NamePattern() {
    }

    /** Throws IllegalArgumentException with a user-facing message if the pattern cannot produce a file name. */
    public static void validate(String pattern) {
        if (pattern == null || pattern.isBlank()) throw new IllegalArgumentException("name pattern is empty");
        Matcher m = TOKEN.matcher(pattern);
        StringBuilder literal = new StringBuilder();
        int last = 0;
        while (m.find()) {
            literal.append(pattern, last, m.start());
            String t = m.group(1);
            if (!t.equals("name") && !t.equals("ext") && !t.equals("w") && !t.equals("h") && !t.equals("n")) {
                throw new IllegalArgumentException("unknown token {" + t + "} in name pattern (known: {name} {ext} {w} {h} {n})");
            }
            if (m.group(2) != null && !t.equals("n")) {
                throw new IllegalArgumentException("only {n} takes a width, e.g. {n:3}");
            }
            last = m.end();
        }
        literal.append(pattern.substring(last));
        for (char c : literal.toString().toCharArray()) {
            if (c == '{' || c == '}') throw new IllegalArgumentException("unbalanced brace in name pattern '" + pattern + "'");
            if (FORBIDDEN.indexOf(c) >= 0 || c < 32) {
                throw new IllegalArgumentException("name pattern may not contain '" + c + "'");
            }
        }
        if (pattern.equals(".") || pattern.equals("..")) throw new IllegalArgumentException("name pattern may not be . or ..");
    }

    /** The file name (with extension) for these values. */
    public static String render(String pattern, String sourceFileName, int width, int height, int counter,
                                String outExtension) {
        int dot = sourceFileName.lastIndexOf('.');
        String base = dot <= 0 ? sourceFileName : sourceFileName.substring(0, dot);
        String ext = dot <= 0 ? "" : sourceFileName.substring(dot + 1);
        Matcher m = TOKEN.matcher(pattern);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v;
            switch (m.group(1)) {
                case "name": v = base; break;
                case "ext": v = ext; break;
                case "w": v = Integer.toString(width); break;
                case "h": v = Integer.toString(height); break;
                default:
                    v = m.group(2) == null ? Integer.toString(counter)
                            : String.format(Locale.ROOT, "%0" + Integer.parseInt(m.group(2)) + "d", counter);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb + "." + outExtension;
    }
}

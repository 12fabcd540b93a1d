package io.chipwatch.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The few Python semantics the scorers in {@code shared/eval} rely on, over Jackson trees, so that
 * the Java scores agree with them to the digit: {@code dict.get}, truthiness, {@code ==} between
 * JSON values, {@code str()}, {@code repr()}, {@code float()}, {@code str.split()} and {@code "%.3f"}.
 * A Python {@code None} (a missing key or a JSON null) is a Java {@code null} throughout.
 */
final class Py {

    private static final Pattern FLOAT = Pattern.compile(
            "[+-]?(?:(?:\\d(?:_?\\d)*(?:\\.(?:\\d(?:_?\\d)*)?)?|\\.\\d(?:_?\\d)*)(?:[eE][+-]?\\d(?:_?\\d)*)?"
                    + "|(?i:inf|infinity|nan))");

    private Py() {
    }

    /** {@code obj.get(key)}: the value, or null for a missing key, a JSON null or a non-object. */
    static JsonNode get(JsonNode obj, String key) {
        if (obj == null || !obj.isObject()) {
            return null;
        }
        JsonNode v = obj.get(key);
        return v == null || v.isNull() || v.isMissingNode() ? null : v;
    }

    /** {@code obj.get(key) or []}, iterated: an array's elements, a string's characters, an object's keys. */
    static List<JsonNode> items(JsonNode obj, String key) {
        JsonNode v = get(obj, key);
        List<JsonNode> out = new ArrayList<>();
        if (!truthy(v)) {
            return out;
        }
        if (v.isArray()) {
            v.forEach(out::add);
        } else if (v.isTextual()) {
            v.textValue().codePoints().forEach(c -> out.add(TextNode.valueOf(Character.toString(c))));
        } else if (v.isObject()) {
            v.fieldNames().forEachRemaining(n -> out.add(TextNode.valueOf(n)));
        } else {
            throw new IllegalArgumentException("'" + key + "' is not a list: " + v);
        }
        return out;
    }

    /** Python truthiness of a JSON value. */
    static boolean truthy(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isNumber()) {
            return v.isFloatingPointNumber() ? v.doubleValue() != 0.0 : v.bigIntegerValue().signum() != 0;
        }
        if (v.isTextual()) {
            return !v.textValue().isEmpty();
        }
        return v.size() > 0;
    }

    /** Python {@code a == b} between JSON values (1 == 1.0 == True; None == None). */
    static boolean eq(JsonNode a, JsonNode b) {
        a = none(a);
        b = none(b);
        if (a == null || b == null) {
            return a == null && b == null;
        }
        if ((a.isNumber() || a.isBoolean()) && (b.isNumber() || b.isBoolean())) {
            double da = a.isFloatingPointNumber() ? a.doubleValue() : 0.0;
            double db = b.isFloatingPointNumber() ? b.doubleValue() : 0.0;
            if (Double.isNaN(da) || Double.isNaN(db)) {
                return false;
            }
            if (Double.isInfinite(da) || Double.isInfinite(db)) {
                return da == db;
            }
            return exact(a).compareTo(exact(b)) == 0;
        }
        if (a.isTextual() && b.isTextual()) {
            return a.textValue().equals(b.textValue());
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!eq(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> e : a.properties()) {
                JsonNode other = b.get(e.getKey());
                if (other == null || !eq(e.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static JsonNode none(JsonNode v) {
        return v == null || v.isNull() || v.isMissingNode() ? null : v;
    }

    private static BigDecimal exact(JsonNode v) {
        if (v.isBoolean()) {
            return v.booleanValue() ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (v.isFloatingPointNumber()) {
            return v.isBigDecimal() ? v.decimalValue() : new BigDecimal(v.doubleValue());
        }
        return new BigDecimal(v.bigIntegerValue());
    }

    /** Python {@code float(v)}, or null where Python raises TypeError or ValueError. */
    static Double toFloat(JsonNode v) {
        v = none(v);
        if (v == null) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue() ? 1.0 : 0.0;
        }
        if (v.isNumber()) {
            return v.isBigInteger() ? v.bigIntegerValue().doubleValue() : v.doubleValue();
        }
        if (v.isTextual()) {
            return parseFloat(v.textValue());
        }
        return null;
    }

    /** Python {@code float(str)}: surrounding whitespace, Unicode digits, underscores, inf and nan; null when invalid. */
    static Double parseFloat(String s) {
        StringBuilder ascii = new StringBuilder();
        strip(s).codePoints().forEach(c -> {
            int d = Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER ? Character.digit(c, 10) : -1;
            ascii.appendCodePoint(d >= 0 ? '0' + d : c);
        });
        String t = ascii.toString();
        if (!FLOAT.matcher(t).matches()) {
            return null;
        }
        String lower = t.toLowerCase(Locale.ROOT);
        String body = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
        double sign = lower.startsWith("-") ? -1.0 : 1.0;
        if (body.startsWith("inf")) {
            return sign * Double.POSITIVE_INFINITY;
        }
        if (body.equals("nan")) {
            return Double.NaN;
        }
        return Double.parseDouble(t.replace("_", ""));
    }

    /** Python {@code str(v)}; v must not be None. */
    static String str(JsonNode v) {
        return v.isTextual() ? v.textValue() : repr(v);
    }

    /** Python {@code repr()} of a JSON value as {@code json.load} gives it (null is None). */
    static String repr(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "None";
        }
        if (v.isTextual()) {
            return reprString(v.textValue());
        }
        if (v.isBoolean()) {
            return v.booleanValue() ? "True" : "False";
        }
        if (v.isFloatingPointNumber()) {
            return reprFloat(v.doubleValue());
        }
        if (v.isNumber()) {
            return v.bigIntegerValue().toString();
        }
        StringBuilder b = new StringBuilder();
        if (v.isArray()) {
            b.append('[');
            for (int i = 0; i < v.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(repr(v.get(i)));
            }
            return b.append(']').toString();
        }
        b.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            b.append(first ? "" : ", ").append(reprString(e.getKey())).append(": ").append(repr(e.getValue()));
            first = false;
        }
        return b.append('}').toString();
    }

    /** Python {@code repr(str)}: single quotes unless the text has one and no double quote. */
    static String reprString(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder b = new StringBuilder().append(quote);
        s.codePoints().forEach(c -> {
            if (c == quote || c == '\\') {
                b.append('\\').appendCodePoint(c);
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c < ' ' || c == 0x7f) {
                b.append(String.format("\\x%02x", c));
            } else if (c < 0x7f || printable(c)) {
                b.appendCodePoint(c);
            } else if (c <= 0xff) {
                b.append(String.format("\\x%02x", c));
            } else if (c <= 0xffff) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.append(String.format("\\U%08x", c));
            }
        });
        return b.append(quote).toString();
    }

    private static boolean printable(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    /** Python {@code repr(float)}: the shortest digits that read back, plain from 1e-4 to 1e16, else e-notation. */
    static String reprFloat(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0.0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        BigDecimal exact = new BigDecimal(d);
        BigDecimal shortest = exact;
        for (int p = 1; p <= 17; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == d) {
                shortest = r;
                break;
            }
        }
        shortest = shortest.stripTrailingZeros();
        String digits = shortest.unscaledValue().abs().toString();
        int exp = digits.length() - shortest.scale() - 1;
        String sign = d < 0 ? "-" : "";
        if (exp >= -4 && exp < 16) {
            String plain = shortest.abs().toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + (exp < 0 ? "e-" : "e+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }

    /** Python {@code f"{x:.3f}"} (and {@code "%.3f" % x}): the exact binary value rounded half-even. */
    static String format3(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        String s = new BigDecimal(x).setScale(3, RoundingMode.HALF_EVEN).toPlainString();
        return (1 / x < 0 || x < 0) && !s.startsWith("-") ? "-" + s : s;
    }

    /** Whether Python's {@code str.isspace()} holds for a code point. */
    static boolean isSpace(int c) {
        return c == ' ' || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f) || c == 0x85 || c == 0xa0
                || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f
                || c == 0x205f || c == 0x3000;
    }

    /** Python {@code s.split()}: the runs of non-whitespace. */
    static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (isSpace(c)) {
                if (run.length() > 0) {
                    out.add(run.toString());
                    run.setLength(0);
                }
            } else {
                run.appendCodePoint(c);
            }
        });
        if (run.length() > 0) {
            out.add(run.toString());
        }
        return out;
    }

    /** Python {@code s.strip()}. */
    static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.codePointAt(start))) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (end > start && isSpace(s.codePointBefore(end))) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    /** Python {@code s.lower()}. */
    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}

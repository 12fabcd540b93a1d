package io.chipwatch.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The analyst's query language, the same for the HTTP API and the CLI:
 * <pre>
 *   华为 OR 高通              either word
 *   寒武纪 芯片                both (AND is implied; "AND" may be written)
 *   芯片 NOT 英伟达, 芯片 -英伟达  the first without the second
 *   "云端训练芯片"              a phrase: its words next to each other
 *   entity:英伟达 source:芯闻网   filters on a document's keyword fields (any alias of an entity)
 *   (华为 OR 高通) AND 出货量     parentheses group
 * </pre>
 * AND binds tighter than OR; AND, OR and NOT are operators only in capitals; Chinese quotes
 * (“…”) and parentheses (（…）) work like ASCII ones. Stateless and thread-safe.
 */
public final class QuerySyntax {

    private static final Map<SearchQuery.Kind, Set<String>> FIELDS = Map.of(
            SearchQuery.Kind.ARTICLES, Set.of("entity", "source"),
            SearchQuery.Kind.FIGURES, Set.of("entity", "subject", "product", "metric", "period"),
            SearchQuery.Kind.EVENTS, Set.of("entity", "org", "product", "type", "status"),
            SearchQuery.Kind.ALERTS, Set.of("entity", "org", "product", "type", "rule"));

    /** A query that cannot be parsed, with where and why. */
    public static final class SyntaxException extends IllegalArgumentException {
        private final int position;

        SyntaxException(String message, int position) {
            super(message + " (at character " + (position + 1) + ")");
            this.position = position;
        }

        /** Where in the query, counting from 0. */
        public int position() {
            return position;
        }
    }

    private QuerySyntax() {
    }

    /** The field names a query over this kind of document may use. */
    public static Set<String> fields(SearchQuery.Kind kind) {
        return FIELDS.get(kind);
    }

    /**
     * Parses a query for this kind of document.
     *
     * @return the expression, or null when the query is blank
     * @throws SyntaxException when it is malformed or names a field this kind does not have
     */
    public static QueryExpr parse(String query, SearchQuery.Kind kind) {
        if (query == null || query.isBlank()) {
            return null;
        }
        Parser p = new Parser(tokens(query), kind, query.length());
        QueryExpr e = p.or();
        if (p.peek() != null) {
            Token t = p.peek();
            throw new SyntaxException(t.kind == Type.CLOSE ? "unbalanced ')'" : "unexpected " + t.text, t.position);
        }
        return e;
    }

    private enum Type { WORD, PHRASE, FIELD, OPEN, CLOSE, AND, OR, NOT }

    /** A field token carries its name in text and its value in value. */
    private record Token(Type kind, String text, String value, int position) {
    }

    private static List<Token> tokens(String q) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = q.length();
        while (i < n) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c) || c == '\u3000') {
                i++;
            } else if (c == '(' || c == '（') {
                out.add(new Token(Type.OPEN, "(", null, i++));
            } else if (c == ')' || c == '）') {
                out.add(new Token(Type.CLOSE, ")", null, i++));
            } else if (isQuote(c)) {
                int end = closingQuote(q, i);
                out.add(new Token(Type.PHRASE, q.substring(i + 1, end), null, i));
                i = end + 1;
            } else if (c == '-' && i + 1 < n && !Character.isWhitespace(q.charAt(i + 1)) && (i == 0 || Character.isWhitespace(q.charAt(i - 1)) || q.charAt(i - 1) == '(')) {
                out.add(new Token(Type.NOT, "-", null, i++));
            } else {
                int start = i;
                while (i < n && !Character.isWhitespace(q.charAt(i)) && q.charAt(i) != '\u3000' && "()（）".indexOf(q.charAt(i)) < 0
                        && !isQuote(q.charAt(i))) {
                    if (q.charAt(i) == ':' || q.charAt(i) == '：') {
                        break;
                    }
                    i++;
                }
                String word = q.substring(start, i);
                if (i < n && (q.charAt(i) == ':' || q.charAt(i) == '：') && !word.isEmpty()) {
                    i++;
                    String value;
                    if (i < n && isQuote(q.charAt(i))) {
                        int end = closingQuote(q, i);
                        value = q.substring(i + 1, end);
                        i = end + 1;
                    } else {
                        int vstart = i;
                        while (i < n && !Character.isWhitespace(q.charAt(i)) && q.charAt(i) != '\u3000' && "()（）".indexOf(q.charAt(i)) < 0) {
                            i++;
                        }
                        value = q.substring(vstart, i);
                    }
                    if (value.isBlank()) {
                        throw new SyntaxException("field " + word + ": has no value", start);
                    }
                    out.add(new Token(Type.FIELD, word.toLowerCase(Locale.ROOT), value.strip(), start));
                } else if (word.isEmpty()) {
                    // a lone ':' is no word
                    i++;
                } else {
                    Type t = switch (word) {
                        case "AND", "&&" -> Type.AND;
                        case "OR", "||" -> Type.OR;
                        case "NOT" -> Type.NOT;
                        default -> Type.WORD;
                    };
                    out.add(new Token(t, word, null, start));
                }
            }
        }
        return out;
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '“' || c == '”';
    }

    private static int closingQuote(String q, int open) {
        for (int i = open + 1; i < q.length(); i++) {
            if (isQuote(q.charAt(i))) {
                return i;
            }
        }
        throw new SyntaxException("unclosed quote", open);
    }

    /** Recursive descent over the tokens: or := and (OR and)*; and := unary (AND? unary)*; unary := NOT unary | primary. */
    private static final class Parser {
        private final List<Token> tokens;
        private final SearchQuery.Kind kind;
        private final int end;
        private int at;

        Parser(List<Token> tokens, SearchQuery.Kind kind, int end) {
            this.tokens = tokens;
            this.kind = kind;
            this.end = end;
        }

        Token peek() {
            return at < tokens.size() ? tokens.get(at) : null;
        }

        QueryExpr or() {
            List<QueryExpr> any = new ArrayList<>();
            any.add(and());
            while (peek() != null && peek().kind == Type.OR) {
                at++;
                any.add(and());
            }
            return any.size() == 1 ? any.get(0) : new QueryExpr.Or(any);
        }

        QueryExpr and() {
            List<QueryExpr> all = new ArrayList<>();
            all.add(unary());
            while (peek() != null && peek().kind != Type.OR && peek().kind != Type.CLOSE) {
                if (peek().kind == Type.AND) {
                    at++;
                }
                all.add(unary());
            }
            if (all.stream().allMatch(e -> e instanceof QueryExpr.Not)) {
                throw new SyntaxException("NOT needs something to exclude from, as in 芯片 NOT 英伟达", position());
            }
            return all.size() == 1 ? all.get(0) : new QueryExpr.And(all);
        }

        QueryExpr unary() {
            Token t = next("a word after " + (at == 0 ? "the start" : tokens.get(at - 1).text));
            return switch (t.kind) {
                case NOT -> new QueryExpr.Not(unary());
                case OPEN -> {
                    QueryExpr inner = or();
                    Token close = peek();
                    if (close == null || close.kind != Type.CLOSE) {
                        throw new SyntaxException("unbalanced '('", t.position);
                    }
                    at++;
                    yield inner;
                }
                case PHRASE -> {
                    if (t.text.isBlank()) {
                        throw new SyntaxException("empty phrase", t.position);
                    }
                    yield new QueryExpr.Phrase(t.text.strip());
                }
                case FIELD -> {
                    if (!FIELDS.get(kind).contains(t.text)) {
                        throw new SyntaxException("unknown field " + t.text + ": (" + kind.name().toLowerCase(Locale.ROOT)
                                + " have " + String.join(", ", FIELDS.get(kind).stream().sorted().toList()) + ")", t.position);
                    }
                    yield new QueryExpr.Field(t.text, t.value);
                }
                case WORD -> new QueryExpr.Words(t.text);
                default -> throw new SyntaxException(t.text + " needs a word before and after it", t.position);
            };
        }

        private Token next(String expected) {
            Token t = peek();
            if (t == null) {
                throw new SyntaxException("expected " + expected + " but the query ended", end);
            }
            at++;
            return t;
        }

        private int position() {
            return at < tokens.size() ? tokens.get(at).position : end;
        }
    }
}

package io.chipwatch.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.InjectableValues;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CacheProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerFactory;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.DeserializerCache;
import com.fasterxml.jackson.databind.deser.DeserializerFactory;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.util.ClassUtil;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The one way chipwatch reads a configuration YAML file into typed records: unknown keys and
 * values of the wrong type (a word where a number belongs, {@code "4"} in quotes, a list where a
 * single value belongs) are errors, never defaults, and every one in the file is reported at
 * once, each as {@code file:line: path: what is wrong}. Thread-safe; one instance can be shared.
 */
public final class StrictYaml {

    private static final String PROBLEMS = "chipwatch.problems";

    private final ObjectMapper mapper;

    public StrictYaml() {
        ObjectMapper m = new ObjectMapper(new YAMLFactory(), null, new CollectingContext());
        m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        m.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        m.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        // a number or true where text belongs is still text: keywords such as 5G or 2024 are written bare
        m.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert)
                .setCoercion(CoercionInputShape.Float, CoercionAction.TryConvert)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.TryConvert);
        m.addHandler(new Collector());
        this.mapper = m;
    }

    /** Reads {@code file}; a missing file is an {@link InvalidConfigException} naming it. */
    public <T> T read(Path file, Class<T> type) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), type);
        } catch (NoSuchFileException e) {
            throw new InvalidConfigException(file + ": no such file", e);
        }
    }

    /**
     * Binds the YAML in {@code in} to {@code type}.
     *
     * @param origin the file's name in messages
     * @throws InvalidConfigException with every problem found, or when the file is empty
     */
    public <T> T read(InputStream in, String origin, Class<T> type) throws IOException {
        Map<String, String> problems = new LinkedHashMap<>();
        T value;
        try {
            value = mapper.readerFor(type).withAttribute(PROBLEMS, problems).readValue(in);
        } catch (JsonProcessingException e) {
            if (problems.isEmpty() && String.valueOf(e.getOriginalMessage()).startsWith("No content to map")) {
                throw new InvalidConfigException(origin + ": the file is empty", e);
            }
            // what the collector could not step over (broken YAML syntax, a missing required value) ends the reading
            problems.putIfAbsent(where(e.getLocation(), pathOf(e)), firstLine(e.getOriginalMessage()));
            throw invalid(origin, problems);
        }
        if (!problems.isEmpty()) {
            throw invalid(origin, problems);
        }
        if (value == null) {
            throw new InvalidConfigException(origin + ": the file is empty");
        }
        return value;
    }

    private static InvalidConfigException invalid(String origin, Map<String, String> problems) {
        List<String> lines = new ArrayList<>();
        problems.forEach((where, what) -> lines.add(origin + (where.startsWith(":") ? "" : ": ") + where + ": " + what));
        return new InvalidConfigException(lines);
    }

    private static String pathOf(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m) {
            StringBuilder path = new StringBuilder();
            for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : m.getPath()) {
                if (r.getFieldName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(r.getFieldName());
                } else if (r.getIndex() >= 0) {
                    path.append('[').append(r.getIndex()).append(']');
                }
            }
            return path.toString();
        }
        return "";
    }

    /** ":line: path", or the path alone when the parser gave no line. */
    private static String where(JsonLocation location, String path) {
        String line = location == null || location.getLineNr() < 1 ? "" : ":" + location.getLineNr();
        return line.isEmpty() ? (path.isEmpty() ? "(top)" : path) : line + (path.isEmpty() ? "" : ": " + path);
    }

    private static final java.util.regex.Pattern FRACTION_TO_WHOLE = java.util.regex.Pattern.compile(
            "Cannot coerce Floating-point value \\(([^)]*)\\) to `java\\.lang\\.(?:Integer|Long|Short)` value");

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid value";
        }
        String line = message.lines().findFirst().orElse("").trim();
        // Jackson's advice about its own coercion settings means nothing to a user
        int hint = line.indexOf(" (but ");
        line = hint > 0 ? line.substring(0, hint) : line;
        java.util.regex.Matcher fraction = FRACTION_TO_WHOLE.matcher(line);
        return fraction.matches() ? "'" + fraction.group(1) + "' is not a whole number" : line;
    }

    /** The dotted path of the value the parser stands on: {@code sources[3].discover[0].url}. */
    private static String path(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.add(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                parts.add(0, (parts.isEmpty() || parts.get(0).startsWith("[") ? "." : ".") + c.getCurrentName());
            }
        }
        String joined = String.join("", parts);
        return joined.startsWith(".") ? joined.substring(1) : joined;
    }

    @SuppressWarnings("unchecked")
    private static void record(DeserializationContext ctxt, String what) {
        record(ctxt, ctxt.getParser(), what);
    }

    /** @param p the parser standing on the value at fault (a buffered one when Jackson read ahead) */
    @SuppressWarnings("unchecked")
    private static void record(DeserializationContext ctxt, JsonParser p, String what) {
        Map<String, String> problems = (Map<String, String>) ctxt.getAttribute(PROBLEMS);
        String where = where(p == null ? null : p.currentTokenLocation(), p == null ? "" : path(p.getParsingContext()));
        if (problems == null) {
            throw new IllegalStateException(where + ": " + what);
        }
        problems.putIfAbsent(where, what);
    }

    @SuppressWarnings("unchecked")
    private static void note(DeserializationContext ctxt, String where, String what) {
        Map<String, String> problems = (Map<String, String>) ctxt.getAttribute(PROBLEMS);
        if (problems == null) {
            throw new IllegalStateException(where + ": " + what);
        }
        problems.putIfAbsent(where, what);
    }

    private static Object placeholder(Class<?> type) {
        return type.isPrimitive() ? ClassUtil.defaultValue(type) : null;
    }

    private static String describe(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class || type == short.class
                || type == Short.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a mapping of keys";
        }
        return "a " + type.getSimpleName();
    }

    private static String shown(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }

    /** Notes each problem Jackson reports and lets the reading go on, so one pass finds them all. */
    private static final class Collector extends DeserializationProblemHandler {

        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                                             Object beanOrClass, String propertyName) throws IOException {
            TreeSet<String> known = new TreeSet<>();
            if (deserializer != null) {
                deserializer.getKnownPropertyNames().forEach(k -> known.add(String.valueOf(k)));
            }
            String what = "unknown key '" + propertyName + "'" + (known.isEmpty() ? "" : "; known keys here: " + String.join(", ", known));
            JsonParser main = ctxt.getParser();
            if (p == main || main == null) {
                record(ctxt, p, what);
            } else {
                // A record's unknown keys are replayed from a buffer once the whole mapping is read: the
                // buffer knows no place, and the file's parser stands just past the mapping, in its parent.
                String parent = path(main.getParsingContext());
                note(ctxt, (parent.isEmpty() ? "" : parent + ".") + propertyName, what);
            }
            p.skipChildren();
            return true;
        }

        @Override
        public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String value, String failureMsg) {
            record(ctxt, shown(value) + " is not " + describe(targetType));
            return placeholder(targetType);
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number value, String failureMsg) {
            record(ctxt, value + " is not " + describe(targetType));
            return placeholder(targetType);
        }

        @Override
        public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p,
                                            String failureMsg) throws IOException {
            String found = switch (t) {
                case START_ARRAY -> "a list";
                case START_OBJECT -> "a mapping";
                case VALUE_STRING -> "text '" + p.getText() + "'";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + p.getText();
                case VALUE_TRUE, VALUE_FALSE -> p.getText();
                case VALUE_NULL -> "nothing";
                default -> String.valueOf(t);
            };
            record(ctxt, "expected " + describe(targetType.getRawClass()) + ", found " + found);
            p.skipChildren();
            return placeholder(targetType.getRawClass());
        }

        @Override
        public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass,
                                                com.fasterxml.jackson.databind.deser.ValueInstantiator instantiator, JsonParser p,
                                                String msg) throws IOException {
            return handleUnexpectedToken(ctxt, ctxt.constructType(instClass), p.currentToken(), p, msg);
        }

        @Override
        public Object handleInstantiationProblem(DeserializationContext ctxt, Class<?> instClass, Object argument, Throwable t) {
            Throwable cause = t.getCause() != null && t.getMessage() == null ? t.getCause() : t;
            record(ctxt, firstLine(cause.getMessage()));
            return null;
        }
    }

    /**
     * Jackson's context with one change: a refused coercion ({@code "4"} where a number belongs) is
     * noted as a problem instead of ending the reading.
     */
    private static final class CollectingContext extends DefaultDeserializationContext {

        CollectingContext() {
            super(BeanDeserializerFactory.instance, new DeserializerCache());
        }

        private CollectingContext(CollectingContext src, DeserializationConfig config, JsonParser p, InjectableValues values) {
            super(src, config, p, values);
        }

        private CollectingContext(CollectingContext src, DeserializerFactory factory) {
            super(src, factory);
        }

        private CollectingContext(CollectingContext src, DeserializationConfig config) {
            super(src, config);
        }

        private CollectingContext(CollectingContext src) {
            super(src);
        }

        private CollectingContext(CollectingContext src, CacheProvider caches) {
            super(src, caches);
        }

        @Override
        public DefaultDeserializationContext copy() {
            return new CollectingContext(this);
        }

        @Override
        public DefaultDeserializationContext createInstance(DeserializationConfig config, JsonParser p, InjectableValues values) {
            return new CollectingContext(this, config, p, values);
        }

        @Override
        public DefaultDeserializationContext createDummyInstance(DeserializationConfig config) {
            return new CollectingContext(this, config);
        }

        @Override
        public DefaultDeserializationContext with(DeserializerFactory factory) {
            return new CollectingContext(this, factory);
        }

        @Override
        public DefaultDeserializationContext withCaches(CacheProvider caches) {
            return new CollectingContext(this, caches);
        }

        @Override
        public <T> T reportInputMismatch(JsonDeserializer<?> src, String msg, Object... msgArgs) throws JsonMappingException {
            // Jackson words a refused coercion so; other mismatches end the reading as usual
            if (!msg.startsWith("Cannot coerce ") || msgArgs.length == 0) {
                return super.reportInputMismatch(src, msg, msgArgs);
            }
            Object value = msgArgs[0];
            Class<?> type = src == null ? Object.class : src.handledType();
            record(this, shown(value) + " is not " + describe(type) + (value instanceof String t && t.matches("-?[0-9.]+|true|false")
                    ? " (write it without quotes)" : ""));
            return null;
        }
    }
}

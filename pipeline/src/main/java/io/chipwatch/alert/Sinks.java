package io.chipwatch.alert;

import io.chipwatch.store.SearchStore;
import io.chipwatch.store.StoreException;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Builds sinks from the {@code sinks:} entries of an alerts file, picking the implementation by
 * its short {@code type} through the registry below, so renaming a class never breaks a config.
 * Secrets come from the environment variables the file names ({@code secret_env},
 * {@code url_env}, {@code password_env}); a file that holds a secret itself is refused, as are
 * unknown params and unset variables, each with a message naming the sink and the key (never
 * the value). The {@code index} type writes to the search store the caller hands in; without one
 * its deliveries fail, not retryable, saying so.
 */
public final class Sinks {

    static final int DEFAULT_TIMEOUT_SECONDS = 10;
    private static final Set<String> INLINE_SECRETS = Set.of("secret", "password", "token", "access_token", "key");

    private record Type(Set<String> params, Function<SinkConfig, AlertSink> factory) {
    }

    private final Function<String, String> env;
    private final HttpClient client;
    private final Clock clock;
    private final Supplier<SearchStore> store;
    private final Map<String, Type> types;

    /**
     * @param env    looks up an environment variable, null when unset ({@code System::getenv} in production)
     * @param client shared by the HTTP sinks; give it a connect timeout
     * @param clock  for the timestamps the signatures cover
     */
    public Sinks(Function<String, String> env, HttpClient client, Clock clock) {
        this(env, client, clock, null);
    }

    /**
     * As {@link #Sinks(Function, HttpClient, Clock)}, with the search store the {@code index}
     * sinks write to.
     *
     * @param store the store, asked for at each delivery (so it may be opened after the sinks
     *              are built); null when this process has none
     */
    public Sinks(Function<String, String> env, HttpClient client, Clock clock, Supplier<SearchStore> store) {
        this.env = env;
        this.client = client;
        this.clock = clock;
        this.store = store;
        this.types = Map.of(
                "index", new Type(Set.of(), c -> new IndexAlertSink(c.name(), storeFor(c))),
                "webhook", new Type(Set.of("url", "url_env", "secret_env", "timeout_seconds"), this::webhook),
                "slack", new Type(Set.of("url_env", "timeout_seconds"),
                        c -> new SlackSink(c.name(), chatUrl(c), client, timeout(c))),
                "dingtalk", new Type(Set.of("url_env", "secret_env", "timeout_seconds"),
                        c -> new DingTalkSink(c.name(), chatUrl(c), optionalSecret(c, "secret_env"), client, timeout(c), clock)),
                "feishu", new Type(Set.of("url_env", "secret_env", "timeout_seconds"),
                        c -> new FeishuSink(c.name(), chatUrl(c), optionalSecret(c, "secret_env"), client, timeout(c), clock)),
                "wecom", new Type(Set.of("url_env", "timeout_seconds"),
                        c -> new WeComSink(c.name(), chatUrl(c), client, timeout(c))),
                "email", new Type(Set.of("host", "port", "from", "to", "starttls", "username", "password_env", "timeout_seconds"),
                        this::email));
    }

    /** Sinks with a fresh HTTP client (5 s connect timeout) and the system clock, and no search store. */
    public static Sinks withDefaults(Function<String, String> env) {
        return withDefaults(env, null);
    }

    /** As {@link #withDefaults(Function)}, with the search store the {@code index} sinks write to (or null). */
    public static Sinks withDefaults(Function<String, String> env, Supplier<SearchStore> store) {
        return new Sinks(env, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), Clock.systemUTC(), store);
    }

    /** Every configured sink by name, in file order. */
    public Map<String, AlertSink> build(List<SinkConfig> configs) {
        Map<String, AlertSink> out = new LinkedHashMap<>();
        for (SinkConfig c : configs) {
            if (out.put(c.name(), build(c)) != null) {
                throw new IllegalArgumentException("a second sink named " + c.name());
            }
        }
        return out;
    }

    public AlertSink build(SinkConfig c) {
        Type type = types.get(c.type());
        if (type == null) {
            throw new IllegalArgumentException("sink " + c.name() + ": unknown type " + c.type() + "; known are "
                    + types.keySet().stream().sorted().toList());
        }
        for (String key : c.params().keySet()) {
            if (INLINE_SECRETS.contains(key)) {
                throw new IllegalArgumentException(where(c) + "params." + key + " would put a secret in the file; name the "
                        + "environment variable that holds it instead (" + key + "_env)");
            }
            if (!type.params().contains(key)) {
                throw new IllegalArgumentException(where(c) + "unknown param " + key + "; known are "
                        + type.params().stream().sorted().toList());
            }
        }
        return type.factory().apply(c);
    }

    /**
     * The store an index sink writes to. Without one the sink is still built, so that a file
     * naming it loads everywhere (alerts test, a process without a store), and each delivery
     * says why it cannot be made.
     */
    private Supplier<SearchStore> storeFor(SinkConfig c) {
        if (store != null) {
            return store;
        }
        return () -> {
            throw new StoreException("sink " + c.name() + " (index): this process has no search store to write to", false, null);
        };
    }

    private AlertSink webhook(SinkConfig c) {
        URI url;
        if (c.text("url") != null && c.text("url_env") != null) {
            throw new IllegalArgumentException(where(c) + "give url or url_env, not both");
        }
        url = c.text("url") != null ? uri(c, c.text("url"), "url") : chatUrl(c);
        String secret = fromEnv(c, "secret_env");
        return new WebhookSink(c.name(), url, secret, client, timeout(c), clock);
    }

    private AlertSink email(SinkConfig c) {
        String mode = c.text("starttls") == null ? "required" : c.text("starttls").toLowerCase(Locale.ROOT);
        EmailSink.StartTls startTls;
        switch (mode) {
            case "required" -> startTls = EmailSink.StartTls.REQUIRED;
            case "optional" -> startTls = EmailSink.StartTls.OPTIONAL;
            case "off", "false" -> startTls = EmailSink.StartTls.OFF;
            default -> throw new IllegalArgumentException(where(c) + "starttls must be required, optional or off, got " + mode);
        }
        String username = c.text("username");
        String password = optionalSecret(c, "password_env");
        if (username != null && password == null) {
            throw new IllegalArgumentException(where(c) + "username is set but password_env is not");
        }
        int port = c.integer("port", 587);
        try {
            return new EmailSink(c.name(), new EmailSink.Settings(c.required("host"), port, c.required("from"), c.list("to"),
                    startTls, username, password, timeout(c)), clock);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where(c) + e.getMessage(), e);
        }
    }

    /** Chat webhook URLs embed their token, so they only come from the environment. */
    private URI chatUrl(SinkConfig c) {
        return uri(c, fromEnv(c, "url_env"), "url_env");
    }

    private static URI uri(SinkConfig c, String value, String key) {
        try {
            URI u = URI.create(value.strip());
            if (!"https".equals(u.getScheme()) && !"http".equals(u.getScheme())) {
                throw new IllegalArgumentException("not http(s)");
            }
            return u;
        } catch (IllegalArgumentException e) {
            // the value may hold a token: say where it came from, not what it is
            throw new IllegalArgumentException(where(c) + "the URL from " + key + " is not an http(s) URL");
        }
    }

    private String fromEnv(SinkConfig c, String key) {
        String value = optionalSecret(c, key);
        if (value == null) {
            throw new IllegalArgumentException(where(c) + "params." + key + " must name an environment variable that is set");
        }
        return value;
    }

    private String optionalSecret(SinkConfig c, String key) {
        String variable = c.text(key);
        if (variable == null) {
            return null;
        }
        String value = env.apply(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(where(c) + "environment variable " + variable + " (params." + key + ") is not set");
        }
        return value.strip();
    }

    private static Duration timeout(SinkConfig c) {
        int seconds = c.integer("timeout_seconds", DEFAULT_TIMEOUT_SECONDS);
        if (seconds < 1) {
            throw new IllegalArgumentException(where(c) + "timeout_seconds must be at least 1");
        }
        return Duration.ofSeconds(seconds);
    }

    private static String where(SinkConfig c) {
        return "sink " + c.name() + " (" + Objects.requireNonNullElse(c.type(), "?") + "): ";
    }
}

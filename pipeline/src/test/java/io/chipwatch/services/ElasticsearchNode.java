package io.chipwatch.services;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real single-node Elasticsearch in its own JVM, from the distribution the build unpacked into
 * services/elasticsearch/target/elasticsearch. Started once per test run by
 * {@link ElasticsearchNodeExtension}; stopped by the PID in its pidfile when the run ends.
 *
 * <p>Elasticsearch 9 needs Java 21+ (the build runs on 17), so a JDK is looked for under
 * /usr/lib/jvm. It refuses to run as root, so when the tests run as root it runs as the
 * unprivileged user {@value #USER}, on a copy of the distribution in a temporary folder that
 * user owns: chown never touches the work tree.
 */
public final class ElasticsearchNode implements AutoCloseable {

    static final String USER = "chipwatch-es";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"?(\\d+)");

    private final List<String> command;
    private final Path home;
    private volatile Process launcher;
    private final Path root;
    private final Path pidFile;
    private final Path logFile;
    private final int httpPort;
    private final Thread shutdownHook;
    private volatile boolean started;

    private ElasticsearchNode(List<String> command, Path home, Process launcher, Path root, Path pidFile, Path logFile, int httpPort) {
        this.command = List.copyOf(command);
        this.home = home;
        this.launcher = launcher;
        this.root = root;
        this.pidFile = pidFile;
        this.logFile = logFile;
        this.httpPort = httpPort;
        // Also stop the node when the test JVM is ended without the extension closing it (a killed fork).
        this.shutdownHook = new Thread(this::stop, "stop-elasticsearch");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** http://127.0.0.1:PORT */
    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    public Path logFile() {
        return logFile;
    }

    public static ElasticsearchNode start() throws IOException, InterruptedException {
        Path distribution = findDistribution();
        Path javaHome = findJava21().orElseThrow(() ->
                new IllegalStateException("Elasticsearch 9 needs Java 21+; none found under /usr/lib/jvm"));
        Path root = Files.createTempDirectory("chipwatch-es");
        Path home = root.resolve("home");
        copy(distribution, home);
        Path data = Files.createDirectories(root.resolve("data"));
        Path logs = Files.createDirectories(root.resolve("logs"));
        Path pidFile = root.resolve("elasticsearch.pid");
        Path logFile = root.resolve("console.log");
        int httpPort = freePort();
        int transportPort = freePort();

        List<String> command = new ArrayList<>();
        if (isRoot()) {
            ensureUser();
            run(List.of("chown", "-R", USER + ":", root.toString()));
            command.addAll(List.of("runuser", "-u", USER, "--"));
        }
        command.addAll(List.of("env", "ES_JAVA_HOME=" + javaHome, "ES_JAVA_OPTS=-Xms512m -Xmx512m",
                home.resolve("bin").resolve("elasticsearch").toString(), "-p", pidFile.toString(),
                "-E", "discovery.type=single-node",
                "-E", "xpack.security.enabled=false",
                "-E", "network.host=127.0.0.1",
                "-E", "http.port=" + httpPort,
                "-E", "transport.port=" + transportPort,
                "-E", "path.data=" + data,
                "-E", "path.logs=" + logs,
                // A full disk on a build machine must not turn the test indices read-only.
                "-E", "cluster.routing.allocation.disk.threshold_enabled=false",
                // Tests clean up their indices with a wildcard delete.
                "-E", "action.destructive_requires_name=false"));
        Process launcher = new ProcessBuilder(command).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        ElasticsearchNode node = new ElasticsearchNode(command, home, launcher, root, pidFile, logFile, httpPort);
        try {
            node.awaitHealthy();
            node.started = true;
        } catch (RuntimeException | InterruptedException e) {
            node.close();
            throw e;
        }
        return node;
    }

    /** Stops the node, keeping its data, as an outage would (see {@link #startAgain}). */
    public synchronized void stopForAWhile() {
        stop();
    }

    /** Starts the stopped node again on the same ports and data, and waits until it is healthy. */
    public synchronized void startAgain() throws IOException, InterruptedException {
        launcher = new ProcessBuilder(command).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        awaitHealthy();
    }

    /** Waits for GET /_cluster/health to say green or yellow (GET / answers 405 on this distribution). */
    private void awaitHealthy() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(url() + "/_cluster/health?wait_for_status=yellow&timeout=2s"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!launcher.isAlive()) {
                throw new IllegalStateException("Elasticsearch exited with " + launcher.exitValue() + "; see " + logFile);
            }
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().matches("(?s).*\"status\"\\s*:\\s*\"(green|yellow)\".*")) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Elasticsearch was not healthy within " + START_TIMEOUT.toSeconds() + " s; see " + logFile);
    }

    /** The unpacked distribution: the folder with bin/elasticsearch under services/elasticsearch/target/elasticsearch. */
    static Path findDistribution() throws IOException {
        for (Path unpacked : List.of(Path.of("..", "services", "elasticsearch", "target", "elasticsearch"),
                Path.of("services", "elasticsearch", "target", "elasticsearch"))) {
            if (Files.isDirectory(unpacked)) {
                try (Stream<Path> homes = Files.list(unpacked)) {
                    Optional<Path> home = homes.filter(p -> Files.isRegularFile(p.resolve("bin").resolve("elasticsearch")))
                            .max(Comparator.naturalOrder());
                    if (home.isPresent()) {
                        return home.get().toAbsolutePath().normalize();
                    }
                }
            }
        }
        throw new IllegalStateException("the Elasticsearch distribution was not found: build the services/elasticsearch module first (mvn install does)");
    }

    /** The running JDK when it is 21+, else the newest JDK 21+ under /usr/lib/jvm (by its release file). */
    static Optional<Path> findJava21() throws IOException {
        if (Runtime.version().feature() >= 21) {
            return Optional.of(Path.of(System.getProperty("java.home")));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        Path best = null;
        int bestVersion = 0;
        try (Stream<Path> candidates = Files.list(jvms)) {
            for (Path jdk : candidates.toList()) {
                int version = featureVersion(jdk);
                if (version >= 21 && version > bestVersion && Files.isExecutable(jdk.resolve("bin").resolve("java"))) {
                    best = jdk.toRealPath();
                    bestVersion = version;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static int featureVersion(Path jdk) {
        Path release = jdk.resolve("release");
        try {
            Matcher m = JAVA_VERSION.matcher(Files.readString(release, StandardCharsets.UTF_8));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException | NumberFormatException noReleaseFile) {
            return 0;
        }
    }

    private static boolean isRoot() throws IOException, InterruptedException {
        return "0".equals(output(List.of("id", "-u")).strip());
    }

    /** Creates the user once; another build doing it at the same moment is fine. */
    private static void ensureUser() throws IOException, InterruptedException {
        if (exitCode(List.of("id", USER)) == 0) {
            return;
        }
        int created = exitCode(List.of("useradd", "-m", "-s", "/bin/sh", USER));
        if (created != 0 && exitCode(List.of("id", USER)) != 0) {
            throw new IllegalStateException("cannot create the user " + USER + " to run Elasticsearch as (useradd exited with " + created + ")");
        }
    }

    /** Copies the distribution keeping permissions (bin/ and the bundled tools must stay executable). */
    private static void copy(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // A leftover temporary folder is no reason to fail the run.
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        int code = exitCode(command);
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + code);
        }
    }

    private static int exitCode(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish within 60 s");
        }
        return p.exitValue();
    }

    private static String output(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    /** Stops the node and deletes its copy, data and logs, unless it failed to start (the log then tells why). */
    @Override
    public void close() {
        stop();
        if (started) {
            deleteRecursively(root);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // Then the hook runs (or ran) stop(), which does nothing twice.
        }
    }

    /**
     * SIGTERM to the server JVM (the PID in the pidfile) and to everything under the launcher
     * (runuser, the CLI JVM), then SIGKILL to whatever is still alive after 30 s.
     */
    private void stop() {
        List<ProcessHandle> all = new ArrayList<>();
        serverPid().flatMap(ProcessHandle::of).ifPresent(all::add);
        launcher.descendants().forEach(all::add);
        all.add(launcher.toHandle());
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (ProcessHandle p : all) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                p.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception stillAlive) {
                p.destroyForcibly();
            }
        }
    }

    private Optional<Long> serverPid() {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).strip()));
        } catch (IOException | NumberFormatException notWritten) {
            return Optional.empty();
        }
    }
}

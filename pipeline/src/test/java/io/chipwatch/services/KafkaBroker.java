package io.chipwatch.services;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one) in its own JVM, from
 * the jars the build copied into services/kafka-broker/target/lib. Started once per test run by
 * {@link KafkaBrokerExtension}; stopped when the test JVM ends.
 */
public final class KafkaBroker implements AutoCloseable {

    private final Process process;
    private final String bootstrap;
    private final Path home;

    private KafkaBroker(Process process, String bootstrap, Path home) {
        this.process = process;
        this.bootstrap = bootstrap;
        this.home = home;
    }

    public String bootstrapServers() {
        return bootstrap;
    }

    public static KafkaBroker start() throws IOException, InterruptedException {
        Path lib = findLib();
        Path home = Files.createTempDirectory("chipwatch-kafka");
        int port = freePort();
        int controllerPort = freePort();
        Path props = home.resolve("server.properties");
        Files.writeString(props, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + home.resolve("data"),
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "num.partitions=4",
                "auto.create.topics.enable=true", ""));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = lib.toAbsolutePath() + "/*";
        Process format = new ProcessBuilder(java, "-cp", classpath, "kafka.tools.StorageTool", "format",
                "-t", Uuid.randomUuid().toString(), "-c", props.toString())
                .redirectErrorStream(true).redirectOutput(home.resolve("format.log").toFile()).start();
        if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
            throw new IllegalStateException("formatting the Kafka log dir failed; see " + home.resolve("format.log"));
        }
        Process broker = new ProcessBuilder(java, "-Xmx512m", "-Dlog4j2.configurationFile=", "-cp", classpath, "kafka.Kafka", props.toString())
                .redirectErrorStream(true).redirectOutput(home.resolve("broker.log").toFile()).start();
        KafkaBroker started = new KafkaBroker(broker, "127.0.0.1:" + port, home);
        started.awaitReady();
        return started;
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Kafka broker exited with " + process.exitValue() + "; see " + home.resolve("broker.log"));
            }
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
                admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                return;
            } catch (Exception notYet) {
                Thread.sleep(500);
            }
        }
        close();
        throw new IllegalStateException("the Kafka broker did not answer within 90 s; see " + home.resolve("broker.log"));
    }

    private static Path findLib() {
        for (Path p : List.of(Path.of("..", "services", "kafka-broker", "target", "lib"), Path.of("services", "kafka-broker", "target", "lib"))) {
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        throw new IllegalStateException("Kafka broker jars not found: build the services/kafka-broker module first (mvn verify does)");
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}

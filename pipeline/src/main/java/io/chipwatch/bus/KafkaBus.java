package io.chipwatch.bus;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The bus over Apache Kafka. One idempotent producer (acks=all, so a record acknowledged is on
 * every in-sync replica and a retry never duplicates it) shared by all publishers; one
 * {@link KafkaConsumer} per group member, committing only what the caller says it processed.
 * Extra client settings (security, timeouts) come in through {@code settings}.
 */
public final class KafkaBus implements Bus {

    private final Map<String, Object> settings;
    private final KafkaProducer<String, String> producer;
    private final short replication;

    /**
     * @param bootstrapServers host:port list of the brokers
     * @param replication      replication factor of the topics this bus creates
     * @param settings         more Kafka client settings (e.g. security.protocol), may be empty
     */
    public KafkaBus(String bootstrapServers, short replication, Map<String, Object> settings) {
        this.replication = replication;
        Map<String, Object> base = new HashMap<>(settings);
        base.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        this.settings = Map.copyOf(base);
        Properties p = properties();
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        this.producer = new KafkaProducer<>(p);
    }

    private Properties properties() {
        Properties p = new Properties();
        p.putAll(settings);
        return p;
    }

    @Override
    public void createTopics(Map<String, Integer> partitionsByTopic) {
        List<NewTopic> topics = new ArrayList<>();
        partitionsByTopic.forEach((topic, partitions) -> topics.add(new NewTopic(topic, partitions, replication)));
        createMissing(topics);
    }

    @Override
    public void createCompactedTopic(String name, int partitions) {
        createMissing(List.of(new NewTopic(name, partitions, replication)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))));
    }

    private void createMissing(List<NewTopic> topics) {
        List<String> names = topics.stream().map(NewTopic::name).toList();
        try (Admin admin = Admin.create(properties())) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            // another process may have created one in between: that is what we wanted
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create Kafka topics " + names + ": " + e.getCause(), e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within 30 s while creating topics " + names, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    /** Reads with a consumer of its own, assigned every partition, outside any group (see {@link KafkaTopicReader}). */
    @Override
    public List<BusRecord> readAll(String topic) {
        return new KafkaTopicReader(properties()).readAll(topic);
    }

    @Override
    public CompletableFuture<Void> publish(String topic, String key, String value) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        try {
            producer.send(new ProducerRecord<>(topic, key, value), (metadata, error) -> {
                if (error == null) {
                    acked.complete(null);
                } else {
                    acked.completeExceptionally(error);
                }
            });
        } catch (RuntimeException e) {
            acked.completeExceptionally(e);
        }
        return acked;
    }

    @Override
    public Consumer consumer(String group, List<String> topics) {
        Properties p = properties();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // a stage process that dies is noticed in 10 s rather than 45, so its partitions move on
        p.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        p.putIfAbsent(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p);
        consumer.subscribe(topics);
        return new KafkaGroupMember(consumer);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }

    /** A group member over its own KafkaConsumer; Kafka's own rebalancing shares the partitions. */
    private static final class KafkaGroupMember implements Consumer {

        private final KafkaConsumer<String, String> consumer;

        KafkaGroupMember(KafkaConsumer<String, String> consumer) {
            this.consumer = consumer;
        }

        @Override
        public List<BusRecord> poll(Duration timeout) {
            List<BusRecord> out = new ArrayList<>();
            for (ConsumerRecord<String, String> r : consumer.poll(timeout)) {
                out.add(new BusRecord(r.topic(), r.partition(), r.offset(), r.key(), r.value()));
            }
            return out;
        }

        @Override
        public long lag() {
            long lag = 0;
            for (TopicPartition tp : consumer.assignment()) {
                java.util.OptionalLong l = consumer.currentLag(tp);
                if (l.isEmpty()) {
                    return -1;
                }
                lag += l.getAsLong();
            }
            return lag;
        }

        @Override
        public int assignedPartitions() {
            return consumer.assignment().size();
        }

        @Override
        public void commit(List<BusRecord> processed) {
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            for (BusRecord r : processed) {
                offsets.merge(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1),
                        (a, b) -> a.offset() >= b.offset() ? a : b);
            }
            if (!offsets.isEmpty()) {
                consumer.commitSync(offsets);
            }
        }

        @Override
        public void close() {
            consumer.close(Duration.ofSeconds(10));
        }
    }
}

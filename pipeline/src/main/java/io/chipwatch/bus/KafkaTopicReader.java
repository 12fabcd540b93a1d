package io.chipwatch.bus;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads a Kafka topic whole, once ({@link Bus#readAll}): a consumer outside any group, so no
 * group rebalances and nothing is committed, is assigned every partition, seeks to the
 * beginning and polls until its position reaches the end offsets taken when it started.
 */
final class KafkaTopicReader {

    /** Loading state at start may read a long topic, but a broker that stops answering should not hang the start. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Properties settings;

    /** @param settings client settings: bootstrap servers and whatever else the bus was given */
    KafkaTopicReader(Properties settings) {
        this.settings = settings;
    }

    List<BusRecord> readAll(String topic) {
        List<TopicPartition> partitions = partitionsOf(topic);
        Properties p = new Properties();
        p.putAll(settings);
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, PATIENCE);
            Map<Integer, List<BusRecord>> byPartition = new TreeMap<>();
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!atEnd(consumer, ends)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read topic " + topic + " to its end within " + PATIENCE.toSeconds() + " s");
                }
                for (ConsumerRecord<String, String> r : consumer.poll(POLL)) {
                    // records published since the start are left for the caller's next look
                    if (r.offset() < ends.get(new TopicPartition(r.topic(), r.partition()))) {
                        byPartition.computeIfAbsent(r.partition(), k -> new ArrayList<>())
                                .add(new BusRecord(r.topic(), r.partition(), r.offset(), r.key(), r.value()));
                    }
                }
            }
            List<BusRecord> out = new ArrayList<>();
            byPartition.values().forEach(out::addAll);
            return out;
        }
    }

    /**
     * Positions, not the offsets of records seen, tell when a partition is done: compaction and
     * transaction markers leave gaps, so the last offset below the end may hold no record.
     */
    private static boolean atEnd(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
            if (consumer.position(e.getKey(), PATIENCE) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Asks the Admin client rather than the consumer, so that a broker with
     * {@code auto.create.topics.enable} does not create a topic that is only being read.
     */
    private List<TopicPartition> partitionsOf(String topic) {
        try (Admin admin = Admin.create(settings)) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(PATIENCE.toSeconds(), TimeUnit.SECONDS).get(topic);
            return description.partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new IllegalArgumentException("topic " + topic + " does not exist", e.getCause());
            }
            throw new IllegalStateException("cannot describe Kafka topic " + topic + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within " + PATIENCE.toSeconds() + " s while describing topic " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing topic " + topic, e);
        }
    }
}

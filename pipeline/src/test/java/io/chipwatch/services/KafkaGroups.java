package io.chipwatch.services;

import io.chipwatch.bus.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Test helper for the shared broker: moves the pipeline's consumer groups to the end of their
 * topics, so a test's stages start with its own records, not with what earlier tests left.
 */
public final class KafkaGroups {

    private static final Map<String, String> INPUT_OF_GROUP = Map.of(
            "chipwatch-extract", Topics.PAGES, "chipwatch-nlp", Topics.ARTICLES, "chipwatch-index", Topics.ENRICHED,
            "chipwatch-alert", Topics.ENRICHED, "chipwatch-alert-delivery", Topics.ALERT_DELIVERIES);

    private KafkaGroups() {
    }

    public static void skipPipelineGroupsToEnd(KafkaBroker broker, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = Topics.ALL.stream().filter(t -> !existing.contains(t)).map(t -> new NewTopic(t, partitions, (short) 1)).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
            for (Map.Entry<String, String> e : INPUT_OF_GROUP.entrySet()) {
                moveToEnd(admin, e.getKey(), e.getValue());
            }
        }
    }

    /** Moves one group to the end of one topic: a test's reader then sees only what comes after. */
    public static void skipToEnd(KafkaBroker broker, String group, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()))) {
            moveToEnd(admin, group, topic);
        }
    }

    private static void moveToEnd(Admin admin, String group, String topic) throws Exception {
        var description = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
        admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, new OffsetAndMetadata(info.offset())));
        // a member of an earlier test's killed process stays in the group until its session times
        // out; offsets of a group with members cannot be altered, so wait for it to be evicted
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                admin.alterConsumerGroupOffsets(group, ends).all().get(30, TimeUnit.SECONDS);
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                boolean occupied = e.getCause() instanceof org.apache.kafka.common.errors.UnknownMemberIdException
                        || e.getCause() instanceof org.apache.kafka.common.errors.GroupNotEmptyException
                        || e.getCause() instanceof org.apache.kafka.common.errors.RebalanceInProgressException;
                if (!occupied || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }
}

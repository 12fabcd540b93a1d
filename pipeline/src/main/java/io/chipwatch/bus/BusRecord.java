package io.chipwatch.bus;

/**
 * One record read from a topic.
 *
 * @param topic     the topic it was read from
 * @param partition the partition of the topic
 * @param offset    its position in the partition
 * @param key       the record key (an article id), never null
 * @param value     the record value: a JSON document with a {@code schema} field
 */
public record BusRecord(String topic, int partition, long offset, String key, String value) {
}

package io.chipwatch.bus;

/** One partition of one topic: the unit that consumer groups assign and commit. */
record TopicPartition(String topic, int partition) {

    @Override
    public String toString() {
        return topic + "-" + partition;
    }
}

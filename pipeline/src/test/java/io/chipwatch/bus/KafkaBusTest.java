package io.chipwatch.bus;

import io.chipwatch.services.KafkaBroker;
import io.chipwatch.services.KafkaBrokerExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The bus contract against a real Kafka broker (KRaft, started once for the test run). */
@ExtendWith(KafkaBrokerExtension.class)
class KafkaBusTest extends BusContract {

    /** Set before the contract's per-test setup asks for a bus. */
    private static String bootstrap;

    @BeforeAll
    static void broker(KafkaBroker broker) {
        bootstrap = broker.bootstrapServers();
    }

    @Override
    protected Bus newBus() {
        return new KafkaBus(bootstrap, (short) 1, Map.of());
    }

    @Test
    void aCompactedTopicIsCreatedWithTheCompactCleanupPolicy() throws Exception {
        bus.createCompactedTopic(topic, 1);

        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
            assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
    }
}

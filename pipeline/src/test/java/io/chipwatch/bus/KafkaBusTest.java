package io.chipwatch.bus;

import io.chipwatch.services.KafkaBroker;
import io.chipwatch.services.KafkaBrokerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

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
}

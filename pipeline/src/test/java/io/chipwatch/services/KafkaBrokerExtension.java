package io.chipwatch.services;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the one Kafka broker of the test run ({@code @ExtendWith} and a
 * {@link KafkaBroker} parameter); the first test that asks starts it, the end of the run stops it.
 */
public final class KafkaBrokerExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(KafkaBrokerExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NS).getOrComputeIfAbsent("broker", k -> new Running(), Running.class).broker;
    }

    /** Closed by JUnit (an AutoCloseable in the root store) when the run ends. */
    private static final class Running implements AutoCloseable {

        final KafkaBroker broker;

        Running() {
            try {
                broker = KafkaBroker.start();
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the test Kafka broker: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            broker.close();
        }
    }
}

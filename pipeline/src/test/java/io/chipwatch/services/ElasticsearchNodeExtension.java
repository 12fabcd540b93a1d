package io.chipwatch.services;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the one Elasticsearch node of the test run ({@code @ExtendWith} and an
 * {@link ElasticsearchNode} parameter, in a constructor or method); the first test that asks
 * starts it, the end of the run stops it, whether the tests passed or not.
 */
public final class ElasticsearchNodeExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(ElasticsearchNodeExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ElasticsearchNode.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NS).getOrComputeIfAbsent("node", k -> new Running(), Running.class).node;
    }

    /** Closed by JUnit (an AutoCloseable in the root store) when the run ends. */
    private static final class Running implements AutoCloseable {

        final ElasticsearchNode node;

        Running() {
            try {
                node = ElasticsearchNode.start();
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the test Elasticsearch node: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            node.close();
        }
    }
}

package io.chipwatch.cli;

import io.chipwatch.nlp.Gazetteer;
import io.chipwatch.nlp.Lexicon;
import io.chipwatch.ops.OpsServer;
import io.chipwatch.store.SearchStore;
import io.chipwatch.web.WebApp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** Serves the analysts' API and web page over an existing index, until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the query API (/api/...) and the web page (/) over an existing index until stopped.",
                "chipwatch serve --data DIR --http-port 9400, then open http://localhost:9400/"})
final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data = new DataOptions();

    @Mixin
    ProfileOptions profile = new ProfileOptions();

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "9400", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every interface).")
    String host;

    @Override
    public Integer call() throws Exception {
        if (httpPort < 0 || httpPort > 65535) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--http-port must be between 0 and 65535, not " + httpPort);
        }
        Gazetteer gazetteer = Gazetteer.defaults();
        Lexicon lexicon = Lexicon.defaults();
        CountDownLatch stopped = new CountDownLatch(1);
        try (SearchStore store = SearchCommand.store(spec, profile, data, gazetteer);
             OpsServer server = new OpsServer(host, httpPort, () -> new OpsServer.Health(true, "{\"status\":\"UP\"}"),
                     routes -> WebApp.mount(routes, () -> store, gazetteer, lexicon))) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "chipwatch-serve-stop"));
            LOG.info("Serving the API and web page on http://{}:{}/", host, server.port());
            spec.commandLine().getErr().println("chipwatch: serving http://" + host + ":" + server.port() + "/ (Ctrl-C stops)");
            spec.commandLine().getErr().flush();
            stopped.await();
        }
        return 0;
    }
}

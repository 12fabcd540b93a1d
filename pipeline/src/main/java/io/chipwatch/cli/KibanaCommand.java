package io.chipwatch.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.Callable;

/** Kibana helpers for analysts: {@code chipwatch kibana import} loads the saved objects. */
@Command(name = "kibana", mixinStandardHelpOptions = true, description = "Kibana saved objects.",
        subcommands = KibanaCommand.Import.class)
final class KibanaCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: import");
    }

    /**
     * Posts the NDJSON of data views, saved searches, visualisations and the dashboard to
     * Kibana's saved-objects import API, overwriting earlier versions. Credentials come from
     * CHIPWATCH_KIBANA_API_KEY or CHIPWATCH_KIBANA_USERNAME/CHIPWATCH_KIBANA_PASSWORD.
     */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import config/kibana/chipwatch.ndjson (data views, saved searches, dashboard) into Kibana.")
    static final class Import implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--url", defaultValue = "${env:CHIPWATCH_KIBANA_URL:-http://localhost:5601}",
                description = "Kibana's URL (default: $CHIPWATCH_KIBANA_URL, else ${DEFAULT-VALUE}).")
        URI url;

        @Option(names = "--file", defaultValue = "config/kibana/chipwatch.ndjson", description = "The saved objects (default: ${DEFAULT-VALUE}).")
        Path file;

        @Override
        public Integer call() throws IOException, InterruptedException {
            if (!Files.isRegularFile(file)) {
                throw new ParameterException(spec.commandLine(), "no saved objects file at " + file);
            }
            String boundary = "chipwatch-" + UUID.randomUUID();
            byte[] body = multipart(boundary, file.getFileName().toString(), Files.readAllBytes(file));
            HttpRequest.Builder request = HttpRequest.newBuilder(url.resolve("/api/saved_objects/_import?overwrite=true"))
                    .timeout(Duration.ofSeconds(60))
                    .header("kbn-xsrf", "chipwatch")
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            String apiKey = System.getenv("CHIPWATCH_KIBANA_API_KEY");
            String user = System.getenv("CHIPWATCH_KIBANA_USERNAME");
            if (apiKey != null && !apiKey.isBlank()) {
                request.header("Authorization", "ApiKey " + apiKey);
            } else if (user != null && !user.isBlank()) {
                String pair = user + ":" + System.getenv().getOrDefault("CHIPWATCH_KIBANA_PASSWORD", "");
                request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
            }
            HttpResponse<String> response;
            try {
                response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                // the JDK's ConnectException has no message: name it, and say what to check
                spec.commandLine().getErr().println("chipwatch: cannot reach Kibana at " + url + " (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); is it running? Check --url or $CHIPWATCH_KIBANA_URL");
                return 1;
            }
            if (response.statusCode() / 100 != 2 || !response.body().contains("\"success\":true")) {
                spec.commandLine().getErr().println("chipwatch: Kibana refused the import (HTTP " + response.statusCode() + "): " + response.body());
                return 1;
            }
            spec.commandLine().getOut().println("imported " + file + " into " + url);
            spec.commandLine().getOut().flush();
            return 0;
        }

        private static byte[] multipart(String boundary, String name, byte[] content) {
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                    + "\"\r\nContent-Type: application/ndjson\r\n\r\n";
            String tail = "\r\n--" + boundary + "--\r\n";
            byte[] h = head.getBytes(StandardCharsets.UTF_8);
            byte[] t = tail.getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[h.length + content.length + t.length];
            System.arraycopy(h, 0, out, 0, h.length);
            System.arraycopy(content, 0, out, h.length, content.length);
            System.arraycopy(t, 0, out, h.length + content.length, t.length);
            return out;
        }
    }
}

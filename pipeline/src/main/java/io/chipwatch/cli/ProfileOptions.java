package io.chipwatch.cli;

import io.chipwatch.config.ChipwatchConfig;
import io.chipwatch.config.ConfigLoader;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/** {@code --profile embedded|kafka} or {@code --config FILE}, then environment overrides. */
final class ProfileOptions {

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "embedded",
            description = "embedded (embedded bus and Lucene in ./data) or kafka (config/chipwatch-kafka.yml). Default: ${DEFAULT-VALUE}.")
    String profile;

    @Option(names = "--config", paramLabel = "FILE", description = "A configuration file instead of a built-in profile.")
    Path config;

    /** The configuration, with {@code --data} over its data folder when given. */
    ChipwatchConfig load(DataOptions data) throws IOException {
        return data.applyTo(load());
    }

    ChipwatchConfig load() throws IOException {
        ConfigLoader loader = new ConfigLoader(System.getenv());
        return config != null ? loader.file(config) : loader.profile(profile);
    }
}

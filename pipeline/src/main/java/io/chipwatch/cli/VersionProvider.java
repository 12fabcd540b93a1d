package io.chipwatch.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version recorded in the jar manifest, if any. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = ChipwatchCommand.class.getPackage().getImplementationVersion();
        return new String[] {"chipwatch " + (v == null ? "development build" : v)};
    }
}

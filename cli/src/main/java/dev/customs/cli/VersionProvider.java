package dev.customs.cli;

import picocli.CommandLine;

/** Prints the version Maven wrote into the jar manifest. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = CustomsCommand.class.getPackage().getImplementationVersion();
    return new String[] {"customs " + (v == null ? "development build" : v)};
  }
}

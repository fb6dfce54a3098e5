package dev.customs.cli;

import picocli.CommandLine;

/** Prints the version Maven wrote into the jar manifest. */
public final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = CustomsCommand.class.getPackage().getImplementationVersion();
    return new String[] {"customs " + (v == null ? "development build" : v)};
  }

  /** The version reports name as their tool's: the jar's, or {@code development}. */
  public static String version() {
    String v = CustomsCommand.class.getPackage().getImplementationVersion();
    return v == null ? "development" : v;
  }
}

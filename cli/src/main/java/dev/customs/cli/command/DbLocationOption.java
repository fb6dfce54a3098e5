package dev.customs.cli.command;

import dev.customs.core.vuln.db.BundleLocation;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --db FILE} option of the db commands. */
public final class DbLocationOption {
  @Option(names = "--db", paramLabel = "FILE",
      description = "The vulnerability database file (default: $XDG_CACHE_HOME/customs/db/customs.db,"
          + " else ~/.cache/customs/db/customs.db).")
  Path db;

  /** The file given, or the default location. */
  public Path path() {
    return db != null ? db : BundleLocation.defaultPath();
  }
}

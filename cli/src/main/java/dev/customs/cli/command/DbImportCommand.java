package dev.customs.cli.command;

import dev.customs.cli.ExitCode;
import dev.customs.core.vuln.db.BundleException;
import dev.customs.core.vuln.db.BundleInstaller;
import dev.customs.core.vuln.db.BundleMetadata;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code customs db import FILE}: install a bundle built elsewhere. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Install a bundle (with its FILE.sha256 beside it) after checking its checksum and schema version.")
final class DbImportCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The bundle file; FILE.sha256 must be beside it.")
  Path bundle;

  @Mixin DbLocationOption location;

  @Override
  public Integer call() {
    Path target = location.path();
    try {
      BundleMetadata meta = BundleInstaller.install(bundle, target);
      spec.commandLine().getOut().printf("installed %s as %s (built %s, sha256 %s)%n", bundle, target,
          meta.builtAt(), meta.sha256());
      return ExitCode.OK;
    } catch (BundleException e) {
      spec.commandLine().getErr().println("customs db import: " + e.getMessage());
      return ExitCode.DB_UNAVAILABLE;
    }
  }
}

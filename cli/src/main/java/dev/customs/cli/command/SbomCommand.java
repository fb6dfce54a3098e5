package dev.customs.cli.command;

import dev.customs.cli.ExitCode;
import dev.customs.cli.VersionProvider;
import dev.customs.cli.options.ImageOptions;
import dev.customs.cli.options.LayerCacheOptions;
import dev.customs.core.inventory.Inventory;
import dev.customs.core.inventory.analyzer.Analyzers;
import dev.customs.core.report.SbomContext;
import dev.customs.core.report.SbomFormat;
import dev.customs.core.report.SbomFormats;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code customs sbom}: the inventory of an image as CycloneDX, SPDX, Customs JSON or a table. */
@Command(name = "sbom", mixinStandardHelpOptions = true,
    description = "List what is inside an image (OS, packages, layers) as an SBOM or a table.")
public final class SbomCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin ImageOptions image;

  @Mixin LayerCacheOptions cache;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table, json, cyclonedx (CycloneDX 1.6 JSON) or spdx (SPDX 2.3 JSON). Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
  Path output;

  @Override
  public Integer call() throws IOException {
    SbomFormat sbomFormat = SbomFormats.byName(format).orElseThrow(() -> new IllegalArgumentException(
        "unknown --format \"" + format + "\" (expected one of " + String.join(", ", SbomFormats.names()) + ")"));
    PrintWriter err = spec.commandLine().getErr();
    Inventory inventory;
    try {
      inventory = ImageInventory.read(image, cache,
          sbomFormat.showsSecrets() ? Analyzers.defaults() : Analyzers.withoutSecrets());
    } catch (IOException e) {
      err.println("customs sbom: cannot read the image: " + e.getMessage());
      return ExitCode.IMAGE_UNREADABLE;
    }
    try {
      ReportOutput.write(output, out -> sbomFormat.write(inventory, SbomContext.now(VersionProvider.version()), out));
    } catch (IOException e) {
      err.println("customs sbom: cannot write " + (output == null ? "the output" : output) + ": " + e.getMessage());
      return ExitCode.USAGE;
    }
    ImageInventory.warn("sbom", inventory, err);
    return ExitCode.OK;
  }
}

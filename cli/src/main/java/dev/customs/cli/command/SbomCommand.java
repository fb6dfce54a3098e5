package dev.customs.cli.command;

import dev.customs.cli.ExitCode;
import dev.customs.cli.options.ImageOptions;
import dev.customs.core.image.Image;
import dev.customs.core.inventory.Inventory;
import dev.customs.core.inventory.InventoryScanner;
import dev.customs.core.inventory.analyzer.Analyzers;
import dev.customs.core.inventory.cache.DiskLayerCache;
import dev.customs.core.inventory.cache.LayerCache;
import dev.customs.core.inventory.cache.NoLayerCache;
import dev.customs.core.layer.ExtractionLimits;
import dev.customs.core.report.SbomContext;
import dev.customs.core.report.SbomFormat;
import dev.customs.core.report.SbomFormats;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code customs sbom}: the inventory of an image as CycloneDX, SPDX, Customs JSON or a table. */
@Command(name = "sbom", mixinStandardHelpOptions = true,
    description = "List what is inside an image (OS, packages, layers) as an SBOM or a table.")
public final class SbomCommand implements Callable<Integer> {
  @Mixin ImageOptions image;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
      description = "table, json, cyclonedx (CycloneDX 1.6 JSON) or spdx (SPDX 2.3 JSON). Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
  Path output;

  @Option(names = "--cache-dir", paramLabel = "DIR",
      description = "Where layer results are cached "
          + "(default: $XDG_CACHE_HOME/customs/layers or ~/.cache/customs/layers).")
  Path cacheDir;

  @Option(names = "--no-cache", description = "Analyze every layer, reading and writing no cache.")
  boolean noCache;

  private final ImageOpener opener;
  private final PrintStream stdout;
  private final PrintStream stderr;

  public SbomCommand() {
    this(ImageOptions::open, System.out, System.err);
  }

  SbomCommand(ImageOpener opener, PrintStream stdout, PrintStream stderr) {
    this.opener = opener;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  @Override
  public Integer call() {
    Optional<String> usageError = usageError();
    if (usageError.isPresent()) {
      stderr.println("customs sbom: " + usageError.get());
      return ExitCode.USAGE;
    }
    SbomFormat sbomFormat = SbomFormats.byName(format).orElseThrow();
    Inventory inventory;
    try (Image opened = opener.open(image)) {
      inventory = new InventoryScanner(Analyzers.defaults(), cache(), ExtractionLimits.DEFAULT, image.parallel())
          .scan(opened);
    } catch (IOException e) {
      stderr.println("customs sbom: cannot read the image: " + e.getMessage());
      return ExitCode.IMAGE_UNREADABLE;
    } catch (IllegalArgumentException e) {
      stderr.println("customs sbom: " + e.getMessage());
      return ExitCode.USAGE;
    }
    try (OutputStream out = output == null ? new NonClosingStream(stdout) : Files.newOutputStream(output)) {
      OutputStream buffered = new BufferedOutputStream(out);
      sbomFormat.write(inventory, SbomContext.now(toolVersion()), buffered);
      buffered.flush();
    } catch (IOException e) {
      stderr.println("customs sbom: cannot write " + (output == null ? "the output" : output) + ": " + e.getMessage());
      return ExitCode.USAGE;
    }
    inventory.problems().forEach(p -> stderr.println("customs sbom: warning: "
        + (p.path().isEmpty() ? "" : p.path() + ": ") + p.reason()
        + (p.layer().isEmpty() ? "" : " (layer " + p.layer() + ")")));
    return ExitCode.OK;
  }

  private Optional<String> usageError() {
    if (SbomFormats.byName(format).isEmpty()) {
      return Optional.of("unknown --format \"" + format + "\" (expected one of "
          + String.join(", ", SbomFormats.names()) + ")");
    }
    try {
      image.validate();
      image.sourceOptions();
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  private LayerCache cache() {
    if (noCache) {
      return NoLayerCache.INSTANCE;
    }
    return new DiskLayerCache(cacheDir != null ? cacheDir : DiskLayerCache.defaultDirectory());
  }

  private static String toolVersion() {
    String version = SbomCommand.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }
}

package dev.customs.cli.command;

import dev.customs.cli.ExitCode;
import dev.customs.cli.options.ImageOptions;
import dev.customs.cli.output.ByteProgress;
import dev.customs.cli.output.InspectReport;
import dev.customs.core.image.Image;
import dev.customs.core.layer.ExtractionLimits;
import dev.customs.core.layer.LayerMeasurer;
import dev.customs.core.layer.LayerStats;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code customs inspect}: what an image is, without judging it. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
    description = {"Show an image's digest, platform, configuration and layers.",
        "Every layer is read to its end (verifying digests and diffIDs) to learn its uncompressed size; "
            + "--no-layers skips that."})
public final class InspectCommand implements Callable<Integer> {
  @Mixin ImageOptions image;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
      description = "Output format: table or json (default ${DEFAULT-VALUE})")
  String format;

  @Option(names = "--no-layers", description = "Do not read the layers (no uncompressed sizes, nothing verified)")
  boolean noLayers;

  @Option(names = {"-q", "--quiet"}, description = "No progress output")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    if (!format.equals("table") && !format.equals("json")) {
      throw new IllegalArgumentException("unknown --format " + format + " (expected table or json)");
    }
    try (Image img = image.open()) {
      Optional<List<LayerStats>> stats = noLayers ? Optional.empty() : Optional.of(readLayers(img));
      InspectReport report = InspectReport.of(img, stats);
      PrintStream out = System.out;
      if (format.equals("json")) {
        report.writeJson(out);
      } else {
        report.writeTable(out);
      }
      out.flush();
    }
    return ExitCode.OK;
  }

  private List<LayerStats> readLayers(Image img) throws java.io.IOException {
    long total = img.layers().stream().mapToLong(l -> Math.max(0, l.descriptor().size())).sum();
    try (ByteProgress progress = ByteProgress.start("Reading " + img.layers().size() + " layers", total, quiet)) {
      return new LayerMeasurer(ExtractionLimits.DEFAULT, image.parallel()).measure(img, progress);
    }
  }
}

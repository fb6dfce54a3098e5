package dev.customs.server.assessments;

import dev.customs.core.inventory.Inventory;
import dev.customs.core.policy.Assessment;
import dev.customs.core.report.SbomContext;
import dev.customs.core.report.SbomFormat;
import dev.customs.core.report.SbomFormats;
import dev.customs.core.report.ScanFormat;
import dev.customs.core.report.ScanFormats;
import dev.customs.core.report.ScanResult;
import dev.customs.core.vuln.match.MatchResult;
import dev.customs.server.common.ConflictException;
import dev.customs.server.common.InvalidRequestException;
import dev.customs.server.common.NotFoundException;
import dev.customs.server.scanning.ScanResultRepository;
import dev.customs.server.vulndata.VulnerabilityData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/**
 * The reports {@code customs scan --format} writes, for an image's latest scan: written by the same
 * core formats from the stored inventory, matched on the loaded bundle and judged with the enabled
 * policies (what the stored judgement is kept current with). {@code spdx} is the inventory's SPDX
 * document and needs no vulnerability data; every other format does.
 */
@Service
public class ImageReports {
  private static final String SPDX = "spdx";
  private static final Map<String, String> CONTENT_TYPES = Map.of(
      "table", "text/plain;charset=UTF-8",
      "json", "application/json",
      "cyclonedx", "application/vnd.cyclonedx+json",
      SPDX, "application/spdx+json",
      "sarif", "application/sarif+json",
      "junit", "application/xml",
      "gitlab", "application/json",
      "html", "text/html;charset=UTF-8");

  /** A written report and how to serve it. */
  public record Report(String contentType, String fileName, byte[] body) {}

  private final ScanResultRepository results;
  private final StoredInventories inventories;
  private final ImageJudge judge;

  public ImageReports(ScanResultRepository results, StoredInventories inventories, ImageJudge judge) {
    this.results = results;
    this.inventories = inventories;
    this.judge = judge;
  }

  public static List<String> formats() {
    return Stream.concat(ScanFormats.names().stream(), Stream.of(SPDX)).toList();
  }

  public Report write(UUID imageId, String format) {
    String name = format == null ? "json" : format.strip();
    if (!formats().contains(name)) {
      throw new InvalidRequestException("format", "unknown report format \"" + format + "\"; expected one of "
          + String.join(", ", formats()));
    }
    UUID jobId = results.latest(imageId).orElseThrow(() -> new NotFoundException("successful scan of image", imageId))
        .jobId();
    Inventory inventory = inventories.of(jobId).orElseThrow(() -> new NotFoundException("successful scan of image",
        imageId));
    SbomContext context = SbomContext.now(version());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (name.equals(SPDX)) {
        SbomFormat spdx = SbomFormats.byName(SPDX).orElseThrow();
        spdx.write(inventory, context, out);
      } else {
        MatchResult match = judge.matchForReport(inventory)
            .orElseThrow(() -> new ConflictException(VulnerabilityData.MISSING_MESSAGE));
        Assessment assessment = judge.evaluate(imageId, inventory, match, judge.currentPolicies());
        ScanFormat scanFormat = ScanFormats.byName(name).orElseThrow();
        scanFormat.write(new ScanResult(inventory, match, Optional.of(assessment)), context, out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Report(CONTENT_TYPES.get(name), "customs-" + imageId + "." + extension(name), out.toByteArray());
  }

  private static String extension(String format) {
    return switch (format) {
      case "table" -> "txt";
      case "junit" -> "xml";
      case "html" -> "html";
      case "sarif" -> "sarif";
      default -> format + ".json";
    };
  }

  private static String version() {
    String version = ImageReports.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}

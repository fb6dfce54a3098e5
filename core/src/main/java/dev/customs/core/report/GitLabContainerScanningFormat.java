package dev.customs.core.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customs.core.inventory.Inventory;
import dev.customs.core.vuln.match.Finding;
import dev.customs.core.vuln.model.SeverityLevel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * GitLab's container scanning report ({@code gl-container-scanning-report.json}): one vulnerability
 * per finding, located at the package, the image's operating system and the image.
 */
public final class GitLabContainerScanningFormat implements ScanFormat {
  /** The report schema version written; GitLab accepts the versions it ships schemas for. */
  public static final String SCHEMA_VERSION = "15.2.1";
  // GitLab's schema pattern is ^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$: no fraction, no zone (UTC here).
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
      .withZone(ZoneOffset.UTC);
  // The schema's maxLength of name and solution.
  private static final int NAME_LIMIT = 255;
  private static final int SOLUTION_LIMIT = 7000;
  private static final Pattern LINK = Pattern.compile("^(https?|ftp)://.+");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public String name() {
    return "gitlab";
  }

  @Override
  public void write(ScanResult result, SbomContext context, OutputStream out) throws IOException {
    Inventory inventory = result.inventory();
    ObjectNode root = JSON.createObjectNode().put("version", SCHEMA_VERSION);
    root.set("scan", scan(result, context));
    String image = SbomSubject.imageName(inventory.image());
    String os = inventory.os().map(o -> o.family() + " " + o.version()).orElse("unknown");
    ArrayNode vulnerabilities = root.putArray("vulnerabilities");
    result.match().findings().forEach(f -> vulnerabilities.add(vulnerability(f, image, os)));
    JSON.writeValue(out, root);
  }

  private static ObjectNode scan(ScanResult result, SbomContext context) {
    ObjectNode scan = JSON.createObjectNode();
    scan.set("analyzer", tool(context));
    scan.set("scanner", tool(context));
    // The report is written when the scan ends, so its time is the end; a result nobody timed
    // (a re-rendered stored scan) has no better start than that.
    String end = TIME.format(context.created());
    String start = result.started().map(TIME::format).orElse(end);
    return scan.put("type", "container_scanning").put("start_time", start).put("end_time", end)
        .put("status", "success");
  }

  private static ObjectNode tool(SbomContext context) {
    ObjectNode tool = JSON.createObjectNode().put("id", context.toolName()).put("name", "Customs")
        .put("version", context.toolVersion());
    tool.putObject("vendor").put("name", "Customs");
    return tool;
  }

  private static ObjectNode vulnerability(Finding f, String image, String os) {
    String pkg = f.pkg().pkg().name();
    // Stable across runs: GitLab tracks a vulnerability from pipeline to pipeline by its id.
    UUID id = UUID.nameUUIDFromBytes((f.id() + "|" + f.pkg().purl() + "|" + pkg + "|" + f.installedVersion())
        .getBytes(StandardCharsets.UTF_8));
    ObjectNode node = JSON.createObjectNode().put("id", id.toString())
        .put("name", limit(f.title().isEmpty() ? f.id() : f.title().lines().findFirst().orElse(f.id()), NAME_LIMIT))
        .put("description", f.description().isEmpty() ? f.id() + " affects " + pkg : f.description())
        .put("severity", severity(f.severity().level()))
        .put("solution", limit(f.fixedVersions().isEmpty() ? "No fix is available yet."
            : "Upgrade " + pkg + " to " + String.join(" or ", f.fixedVersions()) + ".", SOLUTION_LIMIT));
    ArrayNode identifiers = node.putArray("identifiers");
    f.ids().forEach(i -> identifiers.add(identifier(i)));
    ArrayNode links = node.putArray("links");
    // The schema takes only http(s) and ftp links; other references (bare ids) are left out.
    f.references().stream().filter(r -> LINK.matcher(r.url()).matches()).forEach(r -> links.addObject().put("url", r.url()));
    ObjectNode location = node.putObject("location");
    ObjectNode dependency = location.putObject("dependency");
    dependency.putObject("package").put("name", pkg);
    dependency.put("version", f.installedVersion());
    location.put("operating_system", os).put("image", image);
    return node;
  }

  /** GitLab rejects a whole report for one over-long field: cut it, marking the cut. */
  private static String limit(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 3) + "...";
  }

  private static ObjectNode identifier(String id) {
    String type = id.contains("-") ? id.substring(0, id.indexOf('-')).toLowerCase(Locale.ROOT) : "id";
    ObjectNode node = JSON.createObjectNode().put("type", type).put("name", id).put("value", id);
    if (id.startsWith("CVE-")) {
      node.put("url", "https://nvd.nist.gov/vuln/detail/" + id);
    } else if (id.startsWith("GHSA-")) {
      node.put("url", "https://github.com/advisories/" + id);
    }
    return node;
  }

  private static String severity(SeverityLevel level) {
    return switch (level) {
      case CRITICAL -> "Critical";
      case HIGH -> "High";
      case MEDIUM -> "Medium";
      case LOW -> "Low";
      case NEGLIGIBLE -> "Info";
      case UNKNOWN -> "Unknown";
    };
  }
}

package dev.customs.core.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customs.core.policy.Verdict;
import dev.customs.core.vuln.match.CvssScore;
import dev.customs.core.vuln.match.Finding;
import dev.customs.core.vuln.model.SeverityLevel;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * SARIF 2.1.0 for GitHub code scanning: one rule per vulnerability id (with the
 * {@code security-severity} GitHub sorts by), one result per finding located at the file the package
 * was found in, and one result per policy control that did not pass.
 */
public final class SarifFormat implements ScanFormat {
  static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public String name() {
    return "sarif";
  }

  @Override
  public void write(ScanResult result, SbomContext context, OutputStream out) throws IOException {
    ObjectNode root = JSON.createObjectNode().put("$schema", SCHEMA).put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver").put("name", context.toolName())
        .put("version", context.toolVersion());
    Map<String, ObjectNode> rules = new LinkedHashMap<>();
    ArrayNode results = run.putArray("results");
    String image = SbomSubject.imageName(result.inventory().image());
    for (Finding finding : result.match().findings()) {
      rules.computeIfAbsent(finding.id(), id -> vulnerabilityRule(finding));
      results.add(findingResult(finding, image));
    }
    result.assessment().ifPresent(a -> ControlOutcome.all(a).stream()
        .filter(c -> c.control().verdict() != Verdict.PASS).forEach(c -> {
          rules.computeIfAbsent(policyRuleId(c), id -> policyRule(c));
          results.add(policyResult(c, image));
        }));
    ArrayNode ruleArray = driver.putArray("rules");
    rules.values().forEach(ruleArray::add);
    run.putObject("properties").put("image", image)
        .put("digest", result.inventory().image().manifestDigest().toString());
    JSON.writeValue(out, root);
  }

  private static ObjectNode vulnerabilityRule(Finding f) {
    ObjectNode rule = JSON.createObjectNode().put("id", f.id()).put("name", "Vulnerability");
    String title = f.title().isEmpty() ? f.id() : f.title().lines().findFirst().orElse(f.id());
    rule.putObject("shortDescription").put("text", title);
    rule.putObject("fullDescription").put("text", f.description().isEmpty() ? title : f.description());
    f.references().stream().findFirst().ifPresent(r -> rule.put("helpUri", r.url()));
    rule.putObject("help").put("text", help(f));
    rule.putObject("defaultConfiguration").put("level", level(f.severity().level()));
    ObjectNode properties = rule.putObject("properties");
    properties.putArray("tags").add("security").add("vulnerability");
    properties.put("security-severity", securitySeverity(f));
    return rule;
  }

  private static ObjectNode findingResult(Finding f, String image) {
    ObjectNode result = JSON.createObjectNode().put("ruleId", f.id()).put("level", level(f.severity().level()));
    String fix = f.fixedVersions().isEmpty() ? "no fix available" : "fixed in " + String.join(", ", f.fixedVersions());
    result.putObject("message").put("text", f.id() + " in " + f.pkg().pkg().name() + " " + f.installedVersion()
        + " (" + f.severity().level().name().toLowerCase(Locale.ROOT) + ", " + fix + ")");
    result.putArray("locations").add(location(f.pkg().pkg().paths().stream().findFirst().orElse(""), image));
    // GitHub keeps alerts apart by fingerprint: the same id in two packages is two alerts.
    result.putObject("partialFingerprints").put("customs/v1", f.id() + "|" + f.pkg().purl() + "|" + f.installedVersion());
    return result;
  }

  private static String policyRuleId(ControlOutcome c) {
    return "policy/" + c.policy() + "/" + c.control().id().replace(' ', '/');
  }

  private static ObjectNode policyRule(ControlOutcome c) {
    ObjectNode rule = JSON.createObjectNode().put("id", policyRuleId(c)).put("name", "PolicyControl");
    rule.putObject("shortDescription").put("text", "Policy " + c.policy() + ": " + c.control().id());
    rule.putObject("fullDescription").put("text", c.control().explanation());
    ObjectNode properties = rule.putObject("properties");
    properties.putArray("tags").add("security").add("policy");
    return rule;
  }

  private static ObjectNode policyResult(ControlOutcome c, String image) {
    ObjectNode result = JSON.createObjectNode().put("ruleId", policyRuleId(c))
        .put("level", c.control().verdict() == Verdict.BLOCK ? "error" : "warning");
    StringBuilder text = new StringBuilder(c.control().verdict() + " " + c.name() + ": " + c.reasons());
    c.control().result().offenses().forEach(o -> text.append("\n- ").append(o));
    result.putObject("message").put("text", text.toString());
    result.putArray("locations").add(location("", image));
    return result;
  }

  /** The file in the image, or the image itself when the package has no file (a fact of the whole image). */
  private static ObjectNode location(String path, String image) {
    ObjectNode location = JSON.createObjectNode();
    // GitHub needs a file for every result; a policy failure is about the image as a whole.
    String uri = path.isEmpty() ? "image" : path;
    location.putObject("physicalLocation").putObject("artifactLocation").put("uri", SarifUris.encode(uri));
    location.putObject("message").put("text", "in image " + image);
    return location;
  }

  private static String help(Finding f) {
    StringBuilder help = new StringBuilder(f.id()).append(" affects ").append(f.pkg().pkg().name()).append(' ')
        .append(f.installedVersion()).append(".");
    if (!f.fixedVersions().isEmpty()) {
      help.append(" Upgrade to ").append(String.join(" or ", f.fixedVersions())).append('.');
    }
    return help.toString();
  }

  /**
   * GitHub reads {@code security-severity} as a CVSS-like score: the highest base score of the
   * finding, else a score in the band of its level so that an unscored critical still sorts high.
   */
  static String securitySeverity(Finding f) {
    double score = f.cvss().stream().map(CvssScore::baseScore).filter(Objects::nonNull)
        .mapToDouble(Double::doubleValue).max().orElse(levelScore(f.severity().level()));
    return String.format(Locale.ROOT, "%.1f", score);
  }

  private static double levelScore(SeverityLevel level) {
    return switch (level) {
      case CRITICAL -> 9.0;
      case HIGH -> 7.0;
      case MEDIUM -> 4.0;
      case LOW -> 0.1;
      case NEGLIGIBLE, UNKNOWN -> 0.0;
    };
  }

  private static String level(SeverityLevel level) {
    return switch (level) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, NEGLIGIBLE, UNKNOWN -> "note";
    };
  }
}

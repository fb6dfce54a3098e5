package dev.customs.core.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customs.core.inventory.Inventory;
import dev.customs.core.vuln.db.BundleMetadata;
import dev.customs.core.vuln.match.Finding;
import dev.customs.core.vuln.match.MatchResult;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Customs' own scan document ({@code schemaVersion} 1): the image, the database it was matched
 * against, the distro coverage, and every finding with its ids, package, fix, status, severity and
 * its source, CVSS, KEV, EPSS and evidence, and the policy assessment (null when no policy was given). Fields are added, never renamed, without a version bump.
 */
public final class ScanJsonFormat implements ScanFormat {
  public static final int SCHEMA_VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public String name() {
    return "json";
  }

  @Override
  public void write(ScanResult result, SbomContext context, OutputStream out) throws IOException {
    Inventory inventory = result.inventory();
    MatchResult match = result.match();
    ObjectNode root = JSON.createObjectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("tool", context.toolName() + " " + context.toolVersion());
    root.put("created", context.created().toString());
    root.putObject("image").put("name", SbomSubject.imageName(inventory.image()))
        .put("digest", inventory.image().manifestDigest().toString()).put("packages", inventory.packages().size());
    inventory.os().ifPresentOrElse(os -> root.putObject("os").put("family", os.family()).put("version", os.version()),
        () -> root.putNull("os"));
    root.set("database", database(match.database()));
    match.distro().ifPresentOrElse(d -> {
      ObjectNode node = root.putObject("distro").put("ecosystemKey", d.ecosystemKey()).put("name", d.name())
          .put("covered", d.covered());
      if (!d.covered()) {
        node.put("message", d.notCoveredMessage());
      }
    }, () -> root.putNull("distro"));
    ArrayNode findings = root.putArray("findings");
    match.findings().forEach(f -> findings.add(finding(f)));
    ArrayNode problems = root.putArray("problems");
    match.problems().forEach(problems::add);
    result.assessment().ifPresentOrElse(a -> root.set("assessment", AssessmentJson.of(a)), () -> root.putNull("assessment"));
    JSON.writeValue(out, root);
  }

  private static ObjectNode database(BundleMetadata db) {
    ObjectNode node = JSON.createObjectNode().put("schemaVersion", db.schemaVersion())
        .put("builtAt", db.builtAt().toString()).put("sha256", db.sha256());
    ArrayNode feeds = node.putArray("feeds");
    db.feeds().forEach(f -> feeds.addObject().put("kind", f.kind()).put("records", f.records())
        .put("timestamp", f.timestamp() == null ? null : f.timestamp().toString()));
    return node;
  }

  private static ObjectNode finding(Finding f) {
    ObjectNode node = JSON.createObjectNode().put("id", f.id());
    node.set("aliases", JSON.valueToTree(f.aliases()));
    node.putObject("package").put("name", f.pkg().pkg().name()).put("ecosystem", f.pkg().pkg().ecosystem().purlType())
        .put("purl", f.pkg().purl()).put("layerDiffId", f.pkg().layerDiffId().toString());
    node.put("installedVersion", f.installedVersion());
    node.set("fixedVersions", JSON.valueToTree(f.fixedVersions()));
    node.put("status", f.status().key());
    node.putObject("severity").put("level", f.severity().level().name()).put("source", f.severity().source())
        .put("raw", f.severity().raw());
    node.set("cvss", JSON.valueToTree(f.cvss()));
    f.kev().ifPresentOrElse(k -> node.putObject("kev").put("dateAdded", k.dateAdded().toString())
        .put("dueDate", k.dueDate() == null ? null : k.dueDate().toString())
        .put("knownRansomwareCampaignUse", k.knownRansomwareCampaignUse()), () -> node.putNull("kev"));
    f.epss().ifPresentOrElse(e -> node.putObject("epss").put("score", e.score()).put("percentile", e.percentile())
        .put("date", e.scoreDate() == null ? null : e.scoreDate().toString()), () -> node.putNull("epss"));
    node.put("published", f.published() == null ? null : f.published().toString());
    node.put("title", f.title());
    node.put("description", f.description());
    node.set("cwes", JSON.valueToTree(f.cwes()));
    node.set("references", JSON.valueToTree(f.references()));
    node.set("evidence", JSON.valueToTree(f.evidence()));
    return node;
  }
}

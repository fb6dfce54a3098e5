package dev.customs.core.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customs.core.image.ImageConfig;
import dev.customs.core.image.LayerDescriptor;
import dev.customs.core.inventory.AnalysisProblem;
import dev.customs.core.inventory.FileContentMatch;
import dev.customs.core.inventory.ImageFacts;
import dev.customs.core.inventory.Inventory;
import dev.customs.core.inventory.InventoryPackage;
import dev.customs.core.inventory.InventorySecret;
import dev.customs.core.inventory.Package;
import dev.customs.core.inventory.PrivilegedFile;
import dev.customs.core.inventory.UserAccount;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collection;
import java.util.TreeMap;

/**
 * Customs' own inventory document ({@code schemaVersion} 1, described in docs/formats/inventory-json.md).
 * Field names are stable: a field is added, never renamed or removed, without a schema version bump.
 * Maps are written with sorted keys and lists in inventory order, so the output is deterministic.
 */
public final class InventoryJsonFormat implements SbomFormat {
  public static final int SCHEMA_VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public String name() {
    return "json";
  }

  @Override
  public boolean showsSecrets() {
    return true;
  }

  @Override
  public void write(Inventory inventory, SbomContext context, OutputStream out) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("tool", context.toolName() + " " + context.toolVersion());
    root.put("created", context.created().toString());
    root.set("image", image(inventory.image()));
    inventory.os().ifPresentOrElse(os -> root.putObject("os").put("family", os.family()).put("version", os.version())
        .put("prettyName", os.prettyName()), () -> root.putNull("os"));
    ArrayNode packages = root.putArray("packages");
    inventory.packages().forEach(p -> packages.add(pkg(p)));
    ArrayNode secrets = root.putArray("secrets");
    inventory.secrets().forEach(s -> secrets.add(secret(s)));
    ArrayNode privileged = root.putArray("privilegedFiles");
    for (PrivilegedFile f : inventory.privilegedFiles()) {
      privileged.addObject().put("path", f.path()).put("mode", String.format("%04o", f.mode())).put("uid", f.uid());
    }
    ArrayNode users = root.putArray("users");
    for (UserAccount u : inventory.users()) {
      users.addObject().put("name", u.name()).put("uid", u.uid()).put("gid", u.gid()).put("home", u.home())
          .put("shell", u.shell());
    }
    ArrayNode problems = root.putArray("problems");
    for (AnalysisProblem p : inventory.problems()) {
      problems.addObject().put("layer", p.layer()).put("path", p.path()).put("reason", p.reason());
    }
    ArrayNode matches = root.putArray("contentMatches");
    for (FileContentMatch m : inventory.contentMatches()) {
      matches.addObject().put("rule", m.rule()).put("path", m.path()).put("line", m.line()).put("pattern", m.pattern());
    }
    strings(root.putArray("checks"), inventory.checks());
    JSON.writeValue(out, root);
  }

  private static ObjectNode image(ImageFacts image) {
    ObjectNode node = JSON.createObjectNode();
    node.put("name", image.name());
    image.reference().ifPresent(r -> node.put("reference", r.toString()));
    node.put("manifestDigest", image.manifestDigest().toString());
    image.indexDigest().ifPresent(d -> node.put("indexDigest", d.toString()));
    node.put("configDigest", image.configDigest().toString());
    node.put("platform", image.platform().toString());
    node.put("totalSize", image.totalSize());
    image.created().ifPresent(c -> node.put("created", c.toString()));
    node.put("user", image.user());
    strings(node.putArray("envNames"), image.envNames());
    ObjectNode labels = node.putObject("labels");
    new TreeMap<>(image.labels()).forEach(labels::put);
    strings(node.putArray("exposedPorts"), image.exposedPorts().stream().sorted().toList());
    image.healthcheck().ifPresent(h -> strings(node.putArray("healthcheck"), h));
    strings(node.putArray("entrypoint"), image.entrypoint());
    strings(node.putArray("cmd"), image.cmd());
    node.put("workingDir", image.workingDir());
    ArrayNode layers = node.putArray("layers");
    for (LayerDescriptor l : image.layers()) {
      layers.addObject().put("diffId", l.diffId().toString()).put("digest", l.digest().toString())
          .put("mediaType", l.mediaType()).put("size", l.size());
    }
    ArrayNode history = node.putArray("history");
    for (ImageConfig.HistoryEntry h : image.history()) {
      ObjectNode entry = history.addObject();
      h.created().ifPresent(c -> entry.put("created", c.toString()));
      entry.put("createdBy", h.createdBy()).put("comment", h.comment()).put("emptyLayer", h.emptyLayer());
    }
    return node;
  }

  private static ObjectNode pkg(InventoryPackage p) {
    Package pkg = p.pkg();
    ObjectNode node = JSON.createObjectNode();
    node.put("ecosystem", pkg.ecosystem().purlType());
    node.put("name", pkg.name());
    node.put("version", pkg.version());
    node.put("purl", p.purl());
    node.put("sourceName", pkg.sourceName());
    node.put("sourceVersion", pkg.sourceVersion());
    node.put("arch", pkg.arch());
    strings(node.putArray("licenses"), pkg.licenses());
    node.put("layerDiffId", p.layerDiffId().toString());
    node.put("analyzer", p.analyzer());
    strings(node.putArray("paths"), pkg.paths());
    ObjectNode props = node.putObject("properties");
    new TreeMap<>(pkg.properties()).forEach(props::put);
    return node;
  }

  private static ObjectNode secret(InventorySecret s) {
    ObjectNode node = JSON.createObjectNode();
    node.put("ruleId", s.finding().ruleId()).put("category", s.finding().category())
        .put("severity", s.finding().severity()).put("title", s.finding().title()).put("path", s.finding().path())
        .put("line", s.finding().line()).put("redacted", s.finding().redacted())
        .put("layerDiffId", s.layerDiffId().toString());
    return node;
  }

  private static void strings(ArrayNode array, Collection<String> values) {
    values.forEach(array::add);
  }
}

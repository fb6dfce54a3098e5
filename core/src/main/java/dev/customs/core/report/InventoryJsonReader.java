package dev.customs.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customs.core.image.Digest;
import dev.customs.core.image.ImageConfig;
import dev.customs.core.image.ImageRef;
import dev.customs.core.image.LayerDescriptor;
import dev.customs.core.image.Platform;
import dev.customs.core.inventory.AnalysisProblem;
import dev.customs.core.inventory.Ecosystem;
import dev.customs.core.inventory.FileContentMatch;
import dev.customs.core.inventory.ImageFacts;
import dev.customs.core.inventory.Inventory;
import dev.customs.core.inventory.InventoryPackage;
import dev.customs.core.inventory.InventorySecret;
import dev.customs.core.inventory.OsRelease;
import dev.customs.core.inventory.Package;
import dev.customs.core.inventory.PrivilegedFile;
import dev.customs.core.inventory.SecretFinding;
import dev.customs.core.inventory.UserAccount;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the document {@link InventoryJsonFormat} writes back into the {@link Inventory} it was
 * written from, so that a stored inventory can be matched and judged again without the image (the
 * server re-judges stored scans when policies or vulnerability data change).
 */
public final class InventoryJsonReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  public Inventory read(InputStream in) throws IOException {
    JsonNode root = JSON.readTree(in);
    int schema = root.path("schemaVersion").asInt(-1);
    if (schema != InventoryJsonFormat.SCHEMA_VERSION) {
      throw new IOException("not a Customs inventory document of schema version "
          + InventoryJsonFormat.SCHEMA_VERSION + " (schemaVersion " + root.path("schemaVersion") + ")");
    }
    try {
      JsonNode os = root.path("os");
      return new Inventory(image(root.path("image")),
          os.isObject() ? Optional.of(new OsRelease(os.path("family").asText(), os.path("version").asText(),
              os.path("prettyName").asText())) : Optional.empty(),
          list(root.path("packages"), InventoryJsonReader::pkg),
          list(root.path("secrets"), InventoryJsonReader::secret),
          list(root.path("privilegedFiles"), f -> new PrivilegedFile(f.path("path").asText(),
              Integer.parseInt(f.path("mode").asText(), 8), f.path("uid").asLong())),
          list(root.path("users"), u -> new UserAccount(u.path("name").asText(), u.path("uid").asLong(),
              u.path("gid").asLong(), u.path("home").asText(), u.path("shell").asText())),
          list(root.path("problems"), p -> new AnalysisProblem(p.path("layer").asText(), p.path("path").asText(),
              p.path("reason").asText())),
          list(root.path("contentMatches"), m -> new FileContentMatch(m.path("rule").asText(), m.path("path").asText(),
              m.path("line").asInt(), m.path("pattern").asText())),
          list(root.path("checks"), JsonNode::asText));
    } catch (IllegalArgumentException e) {
      throw new IOException("damaged inventory document: " + e.getMessage(), e);
    }
  }

  private static ImageFacts image(JsonNode node) {
    Map<String, String> labels = new LinkedHashMap<>();
    node.path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
    return new ImageFacts(node.path("name").asText(),
        text(node, "reference").map(ImageRef::parse),
        Digest.parse(node.path("manifestDigest").asText()),
        text(node, "indexDigest").map(Digest::parse),
        Digest.parse(node.path("configDigest").asText()),
        Platform.parse(node.path("platform").asText()),
        list(node.path("layers"), l -> new LayerDescriptor(l.path("mediaType").asText(),
            Digest.parse(l.path("digest").asText()), l.path("size").asLong(), Digest.parse(l.path("diffId").asText()))),
        node.path("totalSize").asLong(),
        text(node, "created").map(Instant::parse),
        node.path("user").asText(),
        strings(node.path("envNames")),
        labels,
        new LinkedHashSet<>(strings(node.path("exposedPorts"))),
        node.has("healthcheck") ? Optional.of(strings(node.path("healthcheck"))) : Optional.empty(),
        strings(node.path("entrypoint")),
        strings(node.path("cmd")),
        node.path("workingDir").asText(),
        list(node.path("history"), h -> new ImageConfig.HistoryEntry(text(h, "created").map(Instant::parse),
            h.path("createdBy").asText(), h.path("comment").asText(), h.path("emptyLayer").asBoolean())));
  }

  private static InventoryPackage pkg(JsonNode node) {
    Map<String, String> properties = new LinkedHashMap<>();
    node.path("properties").properties().forEach(e -> properties.put(e.getKey(), e.getValue().asText()));
    Package pkg = new Package(ecosystem(node.path("ecosystem").asText()), node.path("name").asText(),
        node.path("version").asText(), node.path("sourceName").asText(), node.path("sourceVersion").asText(),
        node.path("arch").asText(), strings(node.path("licenses")), strings(node.path("paths")), properties);
    return new InventoryPackage(pkg, text(node, "purl").orElse(null), Digest.parse(node.path("layerDiffId").asText()),
        node.path("analyzer").asText());
  }

  private static InventorySecret secret(JsonNode node) {
    return new InventorySecret(new SecretFinding(node.path("ruleId").asText(), node.path("category").asText(),
        node.path("severity").asText(), node.path("title").asText(), node.path("path").asText(),
        node.path("line").asInt(), node.path("redacted").asText()), Digest.parse(node.path("layerDiffId").asText()));
  }

  private static Ecosystem ecosystem(String purlType) {
    for (Ecosystem e : Ecosystem.values()) {
      if (e.purlType().equals(purlType)) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown ecosystem " + purlType);
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }

  private static List<String> strings(JsonNode array) {
    return list(array, JsonNode::asText);
  }

  private static <T> List<T> list(JsonNode array, Function<JsonNode, T> item) {
    List<T> items = new ArrayList<>();
    array.forEach(n -> items.add(item.apply(n)));
    return items;
  }
}

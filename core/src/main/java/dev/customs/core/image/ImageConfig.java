package dev.customs.core.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The facts of an image configuration (OCI image config / Docker container config) that Customs
 * reports and judges. Unknown fields are ignored; a missing field is empty, never an error.
 */
public record ImageConfig(
    String os,
    String architecture,
    Optional<String> variant,
    Optional<Instant> created,
    String user,
    List<String> env,
    List<String> entrypoint,
    List<String> cmd,
    String workingDir,
    Map<String, String> labels,
    Set<String> exposedPorts,
    Optional<List<String>> healthcheck,
    List<HistoryEntry> history,
    List<Digest> diffIds) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One history entry; {@code emptyLayer} entries have no layer of their own. */
  public record HistoryEntry(Optional<Instant> created, String createdBy, String comment, boolean emptyLayer) {}

  public Platform platform() {
    return new Platform(os.isBlank() ? "linux" : os, architecture.isBlank() ? "amd64" : architecture, variant);
  }

  /** Names of the environment variables (the values may hold secrets and are not kept here). */
  public List<String> envNames() {
    return env.stream().map(e -> e.contains("=") ? e.substring(0, e.indexOf('=')) : e).toList();
  }

  public static ImageConfig parse(byte[] json) throws IOException {
    JsonNode root = JSON.readTree(json);
    if (root == null || !root.isObject()) {
      throw new IOException("image config is not a JSON object");
    }
    JsonNode c = root.path("config");
    List<Digest> diffIds = new ArrayList<>();
    for (JsonNode d : root.path("rootfs").path("diff_ids")) {
      try {
        diffIds.add(Digest.parse(d.asText()));
      } catch (IllegalArgumentException e) {
        throw new IOException("image config has an invalid diff_id: " + e.getMessage(), e);
      }
    }
    List<HistoryEntry> history = new ArrayList<>();
    for (JsonNode h : root.path("history")) {
      history.add(new HistoryEntry(
          instant(h.path("created")), h.path("created_by").asText(""), h.path("comment").asText(""),
          h.path("empty_layer").asBoolean(false)));
    }
    Map<String, String> labels = new LinkedHashMap<>();
    c.path("Labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText("")));
    Set<String> ports = new LinkedHashSet<>();
    c.path("ExposedPorts").fieldNames().forEachRemaining(ports::add);
    JsonNode test = c.path("Healthcheck").path("Test");
    Optional<List<String>> healthcheck = test.isArray() && !test.isEmpty()
        && !"NONE".equals(test.get(0).asText()) ? Optional.of(strings(test)) : Optional.empty();
    return new ImageConfig(
        root.path("os").asText(""),
        root.path("architecture").asText(""),
        Optional.ofNullable(root.path("variant").textValue()),
        instant(root.path("created")),
        c.path("User").asText(""),
        strings(c.path("Env")),
        strings(c.path("Entrypoint")),
        strings(c.path("Cmd")),
        c.path("WorkingDir").asText(""),
        Map.copyOf(labels),
        Set.copyOf(ports),
        healthcheck,
        List.copyOf(history),
        List.copyOf(diffIds));
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return List.copyOf(out);
  }

  private static Optional<Instant> instant(JsonNode node) {
    if (!node.isTextual() || node.asText().isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(node.asText()));
    } catch (DateTimeParseException e) {
      return Optional.empty(); // some builders write local times; an unknown date is not an error
    }
  }
}

package dev.customs.core.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The suppressing statements of a VEX document: OpenVEX ({@code statements[]} with status
 * {@code not_affected}) or CycloneDX VEX ({@code vulnerabilities[].analysis.state}
 * {@code not_affected} or {@code false_positive}). Statements with other statuses (affected, fixed,
 * under investigation, exploitable…) suppress nothing and are not kept.
 */
public record VexDocument(String source, String format, List<VexStatement> statements) {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> CYCLONEDX_SUPPRESSING = Set.of("not_affected", "false_positive");

  public VexDocument {
    statements = List.copyOf(statements);
  }

  public static VexDocument read(Path file) throws IOException, PolicyFormatException {
    return parse(file.toString(), Files.readString(file));
  }

  public static VexDocument parse(String source, String text) throws PolicyFormatException {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
      throw new PolicyFormatException(List.of(source + ":" + line + ": not valid JSON: " + e.getOriginalMessage()));
    }
    if (root != null && root.has("statements")) {
      return new VexDocument(source, "OpenVEX", openVex(root.get("statements")));
    }
    if (root != null && (root.path("bomFormat").asText().equals("CycloneDX") || root.has("vulnerabilities"))) {
      return new VexDocument(source, "CycloneDX", cycloneDx(root));
    }
    throw new PolicyFormatException(List.of(source
        + ": not a VEX document: expected OpenVEX \"statements\" or CycloneDX \"vulnerabilities\""));
  }

  private static List<VexStatement> openVex(JsonNode statements) {
    List<VexStatement> out = new ArrayList<>();
    for (JsonNode s : statements) {
      if (!s.path("status").asText().equals("not_affected")) {
        continue;
      }
      JsonNode vuln = s.path("vulnerability");
      List<String> ids = new ArrayList<>();
      // OpenVEX 0.2 has {"name", "aliases"}; 0.0.x has the id as a plain string.
      ids.add(vuln.isTextual() ? vuln.asText() : vuln.path("name").asText());
      vuln.path("aliases").forEach(a -> ids.add(a.asText()));
      String why = join(s.path("justification").asText(), s.path("impact_statement").asText());
      out.add(new VexStatement(ids, openVexProducts(s.path("products")), "not_affected", why));
    }
    return out;
  }

  /**
   * The packages a statement names: its products' subcomponents when given, else the products. A
   * product that is the image itself ({@code pkg:oci}, {@code pkg:docker}) without subcomponents
   * covers every package in it.
   */
  private static List<String> openVexProducts(JsonNode products) {
    List<String> purls = new ArrayList<>();
    for (JsonNode product : products) {
      String id = product.isTextual() ? product.asText() : product.path("@id").asText();
      JsonNode subs = product.path("subcomponents");
      if (subs.isArray() && !subs.isEmpty()) {
        subs.forEach(sub -> purls.add(sub.isTextual() ? sub.asText() : sub.path("@id").asText()));
      } else if (id.startsWith("pkg:oci/") || id.startsWith("pkg:docker/")) {
        return List.of();
      } else {
        purls.add(id);
      }
    }
    return purls;
  }

  private static List<VexStatement> cycloneDx(JsonNode root) {
    Map<String, String> purlsByRef = new HashMap<>();
    collectComponents(root.path("components"), purlsByRef);
    List<VexStatement> out = new ArrayList<>();
    for (JsonNode v : root.path("vulnerabilities")) {
      String state = v.path("analysis").path("state").asText();
      if (!CYCLONEDX_SUPPRESSING.contains(state)) {
        continue;
      }
      List<String> ids = new ArrayList<>(List.of(v.path("id").asText()));
      v.path("references").forEach(r -> ids.add(r.path("id").asText()));
      List<String> products = new ArrayList<>();
      for (JsonNode affects : v.path("affects")) {
        String ref = affects.path("ref").asText();
        products.add(purlsByRef.getOrDefault(ref, ref));
      }
      String why = join(v.path("analysis").path("justification").asText(), v.path("analysis").path("detail").asText());
      out.add(new VexStatement(ids, products, state, why));
    }
    return out;
  }

  private static void collectComponents(JsonNode components, Map<String, String> purlsByRef) {
    for (JsonNode c : components) {
      if (c.has("bom-ref") && c.has("purl")) {
        purlsByRef.put(c.get("bom-ref").asText(), c.get("purl").asText());
      }
      collectComponents(c.path("components"), purlsByRef);
    }
  }

  private static String join(String justification, String detail) {
    return justification.isEmpty() ? detail : detail.isEmpty() ? justification : justification + ": " + detail;
  }
}

package dev.customs.core.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customs.core.inventory.ImageFacts;
import dev.customs.core.inventory.Inventory;
import dev.customs.core.inventory.InventoryPackage;
import dev.customs.core.inventory.OsRelease;
import dev.customs.core.inventory.Package;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * SPDX 2.3 JSON: the image is the package the document DESCRIBES; it CONTAINS the OS package and
 * the language packages, the OS CONTAINS the OS packages. Every package has an external purl
 * reference, its declared license as an SPDX expression (names not on the SPDX list become
 * {@code LicenseRef-} entries with the text as found), and the layer and paths it came from in
 * {@code sourceInfo}. Only {@code created} and the namespace change between runs.
 */
public final class SpdxJsonFormat implements SbomFormat {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final String NOASSERTION = "NOASSERTION";
  static final String IMAGE_ID = "SPDXRef-Image";
  static final String OS_ID = "SPDXRef-OperatingSystem";

  @Override
  public String name() {
    return "spdx";
  }

  @Override
  public void write(Inventory inventory, SbomContext context, OutputStream out) throws IOException {
    JSON.writeValue(out, document(inventory, context));
  }

  ObjectNode document(Inventory inventory, SbomContext context) {
    ImageFacts image = inventory.image();
    ObjectNode doc = JSON.createObjectNode();
    doc.put("spdxVersion", "SPDX-2.3");
    doc.put("dataLicense", "CC0-1.0");
    doc.put("SPDXID", "SPDXRef-DOCUMENT");
    doc.put("name", SbomSubject.imageName(image));
    doc.put("documentNamespace", "https://customs.dev/spdx/" + slug(SbomSubject.imageName(image)) + "-"
        + context.documentId());
    ObjectNode creation = doc.putObject("creationInfo");
    creation.put("created", context.created().toString());
    creation.putArray("creators").add("Tool: " + context.toolName() + "-" + context.toolVersion());
    ArrayNode packages = doc.putArray("packages");
    ArrayNode relationships = JSON.createArrayNode();
    packages.add(imagePackage(image));
    relationships.add(relationship("SPDXRef-DOCUMENT", "DESCRIBES", IMAGE_ID));
    inventory.os().ifPresent(os -> {
      packages.add(osPackage(os));
      relationships.add(relationship(IMAGE_ID, "CONTAINS", OS_ID));
    });
    Map<String, String> licenseRefs = new TreeMap<>();
    List<String> refs = SbomSubject.packageRefs(inventory.packages());
    for (int i = 0; i < refs.size(); i++) {
      InventoryPackage p = inventory.packages().get(i);
      String id = "SPDXRef-Package-" + (i + 1);
      packages.add(packagePackage(p, id, licenseRefs));
      boolean underOs = p.pkg().ecosystem().isOsPackage() && inventory.os().isPresent();
      relationships.add(relationship(underOs ? OS_ID : IMAGE_ID, "CONTAINS", id));
    }
    if (!licenseRefs.isEmpty()) {
      ArrayNode extracted = doc.putArray("hasExtractedLicensingInfos");
      licenseRefs.forEach((text, id) -> extracted.addObject().put("licenseId", id).put("extractedText", text)
          .put("name", text));
    }
    doc.set("relationships", relationships);
    return doc;
  }

  private static ObjectNode imagePackage(ImageFacts image) {
    ObjectNode node = basePackage(IMAGE_ID, SbomSubject.imageName(image), image.manifestDigest().toString());
    node.put("primaryPackagePurpose", "CONTAINER");
    purl(node, SbomSubject.imagePurl(image));
    node.put("licenseDeclared", NOASSERTION);
    return node;
  }

  private static ObjectNode osPackage(OsRelease os) {
    ObjectNode node = basePackage(OS_ID, os.family(), os.version());
    node.put("primaryPackagePurpose", "OPERATING_SYSTEM");
    if (!os.prettyName().isBlank()) {
      node.put("description", os.prettyName());
    }
    node.put("licenseDeclared", NOASSERTION);
    return node;
  }

  private static ObjectNode packagePackage(InventoryPackage p, String id, Map<String, String> licenseRefs) {
    Package pkg = p.pkg();
    ObjectNode node = basePackage(id, pkg.name(), pkg.version());
    node.put("primaryPackagePurpose", "LIBRARY");
    if (!p.purl().isEmpty()) {
      purl(node, p.purl());
    }
    node.put("licenseDeclared", licenseExpression(pkg.licenses(), licenseRefs));
    node.put("sourceInfo", "introduced by layer " + p.layerDiffId() + "; found by " + p.analyzer() + " in "
        + String.join(", ", pkg.paths()));
    return node;
  }

  private static ObjectNode basePackage(String id, String name, String version) {
    ObjectNode node = JSON.createObjectNode();
    node.put("SPDXID", id);
    node.put("name", name);
    if (!version.isEmpty()) {
      node.put("versionInfo", version);
    }
    node.put("downloadLocation", NOASSERTION);
    node.put("filesAnalyzed", false);
    node.put("licenseConcluded", NOASSERTION);
    node.put("copyrightText", NOASSERTION);
    return node;
  }

  private static void purl(ObjectNode node, String purl) {
    node.putArray("externalRefs").addObject()
        .put("referenceCategory", "PACKAGE-MANAGER")
        .put("referenceType", "purl")
        .put("referenceLocator", purl);
  }

  /**
   * The declared licenses joined with AND: SPDX ids and expressions as they are, names off the SPDX
   * list as (shared) LicenseRef ids.
   */
  private static String licenseExpression(List<String> licenses, Map<String, String> licenseRefs) {
    if (licenses.isEmpty()) {
      return NOASSERTION;
    }
    List<String> ids = licenses.stream()
        .map(l -> SpdxLicenses.compoundExpression(l).map(e -> licenses.size() > 1 ? "(" + e + ")" : e)
            .or(() -> SpdxLicenses.id(l))
            .orElseGet(() -> licenseRef(l, licenseRefs)))
        .distinct()
        .toList();
    return String.join(" AND ", ids);
  }

  /** The LicenseRef id of a license text: one per distinct text, unique even when two texts slug alike. */
  private static String licenseRef(String text, Map<String, String> licenseRefs) {
    String known = licenseRefs.get(text);
    if (known != null) {
      return known;
    }
    String base = "LicenseRef-"
        + text.replace("+", "-plus").replaceAll("[^A-Za-z0-9.-]+", "-").replaceAll("^-+|-+$", "");
    String id = base;
    for (int n = 2; licenseRefs.containsValue(id); n++) {
      id = base + "-" + n;
    }
    licenseRefs.put(text, id);
    return id;
  }

  /** Letters, digits, dots and dashes only, as SPDX ids and namespaces want them. */
  static String slug(String text) {
    String slug = text.replaceAll("[^A-Za-z0-9.-]+", "-").replaceAll("^-+|-+$", "");
    return slug.isEmpty() ? "unnamed" : slug.toLowerCase(Locale.ROOT);
  }

  private static ObjectNode relationship(String from, String type, String to) {
    ObjectNode node = JSON.createObjectNode();
    node.put("spdxElementId", from);
    node.put("relationshipType", type);
    node.put("relatedSpdxElement", to);
    return node;
  }
}

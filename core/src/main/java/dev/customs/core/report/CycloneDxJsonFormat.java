package dev.customs.core.report;

import dev.customs.core.image.LayerDescriptor;
import dev.customs.core.inventory.ImageFacts;
import dev.customs.core.inventory.Inventory;
import dev.customs.core.inventory.InventoryPackage;
import dev.customs.core.inventory.OsRelease;
import dev.customs.core.inventory.Package;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.model.License;
import org.cyclonedx.model.LicenseChoice;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.license.Expression;
import org.cyclonedx.model.metadata.ToolInformation;

/**
 * CycloneDX 1.6 JSON (cyclonedx-core-java builds and serializes it): the image is the root
 * component, the OS an {@code operating-system} component that depends on the OS packages, every
 * package a {@code library} with its purl, licenses, and {@code customs:*} properties for the layer
 * that introduced it and the files it was found in.
 */
public final class CycloneDxJsonFormat implements SbomFormat {
  @Override
  public String name() {
    return "cyclonedx";
  }

  @Override
  public void write(Inventory inventory, SbomContext context, OutputStream out) throws IOException {
    try {
      String json = BomGeneratorFactory.createJson(Version.VERSION_16, bom(inventory, context)).toJsonString();
      out.write(json.getBytes(StandardCharsets.UTF_8));
    } catch (GeneratorException e) {
      throw new IOException("cannot write the CycloneDX document: " + e.getMessage(), e);
    }
  }

  Bom bom(Inventory inventory, SbomContext context) {
    Bom bom = new Bom();
    bom.setSerialNumber("urn:uuid:" + context.documentId());
    bom.setVersion(1);
    Component root = imageComponent(inventory.image());
    bom.setMetadata(metadata(root, context));
    Dependency rootDeps = new Dependency(root.getBomRef());
    Optional<Dependency> osDeps = inventory.os().map(os -> new Dependency(osRef(os)));
    inventory.os().ifPresent(os -> {
      bom.addComponent(osComponent(os));
      rootDeps.addDependency(new Dependency(osRef(os)));
    });
    List<String> refs = SbomSubject.packageRefs(inventory.packages());
    List<Dependency> leaves = new ArrayList<>();
    for (int i = 0; i < refs.size(); i++) {
      InventoryPackage p = inventory.packages().get(i);
      bom.addComponent(packageComponent(p, refs.get(i)));
      boolean underOs = p.pkg().ecosystem().isOsPackage() && osDeps.isPresent();
      (underOs ? osDeps.get() : rootDeps).addDependency(new Dependency(refs.get(i)));
      leaves.add(new Dependency(refs.get(i)));
    }
    bom.addDependency(rootDeps);
    osDeps.ifPresent(bom::addDependency);
    leaves.forEach(bom::addDependency);
    return bom;
  }

  private static Metadata metadata(Component root, SbomContext context) {
    Metadata metadata = new Metadata();
    metadata.setTimestamp(Date.from(context.created()));
    Component tool = new Component();
    tool.setType(Component.Type.APPLICATION);
    tool.setName(context.toolName());
    tool.setVersion(context.toolVersion());
    ToolInformation tools = new ToolInformation();
    tools.setComponents(List.of(tool));
    metadata.setToolChoice(tools);
    metadata.setComponent(root);
    return metadata;
  }

  private static Component imageComponent(ImageFacts image) {
    Component c = new Component();
    c.setType(Component.Type.CONTAINER);
    String purl = SbomSubject.imagePurl(image);
    c.setBomRef(purl);
    c.setPurl(purl);
    c.setName(SbomSubject.imageName(image));
    c.setVersion(image.manifestDigest().toString());
    c.addProperty(new Property("customs:image:configDigest", image.configDigest().toString()));
    c.addProperty(new Property("customs:image:platform", image.platform().toString()));
    image.reference().flatMap(r -> r.tag()).ifPresent(t -> c.addProperty(new Property("customs:image:tag", t)));
    for (LayerDescriptor layer : image.layers()) {
      c.addProperty(new Property("customs:image:layer:diffId", layer.diffId().toString()));
    }
    return c;
  }

  private static String osRef(OsRelease os) {
    return "os:" + os.family() + "@" + os.version();
  }

  private static Component osComponent(OsRelease os) {
    Component c = new Component();
    c.setType(Component.Type.OPERATING_SYSTEM);
    c.setBomRef(osRef(os));
    c.setName(os.family());
    c.setVersion(os.version());
    if (!os.prettyName().isBlank()) {
      c.setDescription(os.prettyName());
    }
    return c;
  }

  private static Component packageComponent(InventoryPackage p, String ref) {
    Package pkg = p.pkg();
    Component c = new Component();
    c.setType(Component.Type.LIBRARY);
    c.setBomRef(ref);
    // Maven's group id and npm's scope are CycloneDX's group.
    int split = switch (pkg.ecosystem()) {
      case MAVEN -> pkg.name().indexOf(':');
      case NPM -> pkg.name().startsWith("@") ? pkg.name().indexOf('/') : -1;
      default -> -1;
    };
    if (split > 0) {
      c.setGroup(pkg.name().substring(0, split));
      c.setName(pkg.name().substring(split + 1));
    } else {
      c.setName(pkg.name());
    }
    if (!pkg.version().isEmpty()) {
      c.setVersion(pkg.version());
    }
    if (!p.purl().isEmpty()) {
      c.setPurl(p.purl());
    }
    licenses(pkg.licenses()).ifPresent(c::setLicenses);
    c.setProperties(properties(p));
    return c;
  }

  private static Optional<LicenseChoice> licenses(List<String> declared) {
    if (declared.isEmpty()) {
      return Optional.empty();
    }
    LicenseChoice choice = new LicenseChoice();
    Optional<String> expression =
        declared.size() == 1 ? SpdxLicenses.compoundExpression(declared.get(0)) : Optional.empty();
    if (expression.isPresent()) {
      // CycloneDX takes either license objects or one expression, never both.
      choice.setExpression(new Expression(expression.get()));
      return Optional.of(choice);
    }
    for (String text : declared) {
      License license = new License();
      SpdxLicenses.id(text).ifPresentOrElse(license::setId, () -> license.setName(text));
      choice.addLicense(license);
    }
    return Optional.of(choice);
  }

  private static List<Property> properties(InventoryPackage p) {
    Package pkg = p.pkg();
    List<Property> props = new ArrayList<>();
    props.add(new Property("customs:ecosystem", pkg.ecosystem().purlType()));
    props.add(new Property("customs:layer:diffId", p.layerDiffId().toString()));
    props.add(new Property("customs:analyzer", p.analyzer()));
    pkg.paths().forEach(path -> props.add(new Property("customs:path", path)));
    if (!pkg.sourceName().isEmpty()) {
      props.add(new Property("customs:source:name", pkg.sourceName()));
      String sourceVersion = pkg.sourceVersion().isEmpty() ? pkg.version() : pkg.sourceVersion();
      props.add(new Property("customs:source:version", sourceVersion));
    }
    pkg.properties().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> props.add(new Property("customs:" + e.getKey(), e.getValue())));
    return props;
  }
}

package dev.customs.core.purl;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.customs.core.image.Digest;
import dev.customs.core.image.ImageRef;
import dev.customs.core.image.Platform;
import dev.customs.core.inventory.Ecosystem;
import dev.customs.core.inventory.OsRelease;
import dev.customs.core.inventory.Package;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Builds package URLs (purl spec; packageurl-java does the encoding) for packages and images. OS
 * packages carry the distro as Trivy and the vulnerability feeds expect it: {@code
 * pkg:deb/debian/openssl@3.0.22-1~deb12u2?arch=amd64&distro=debian-12.15}, {@code
 * pkg:apk/alpine/musl@1.2.5-r0?arch=x86_64&distro=3.20.3}, {@code
 * pkg:rpm/redhat/bash@5.1.8-9.el9?arch=x86_64&distro=rhel-9.4&epoch=1}. Qualifiers are in the
 * spec's canonical (sorted) order.
 */
public final class PurlFactory {
  /** purl namespaces of rpm distros whose feed family name differs from the vendor name. */
  private static final Map<String, String> RPM_VENDORS = Map.of("rhel", "redhat", "amzn", "amazon");
  private static final Pattern ARCHIVE_SUFFIX = Pattern.compile("(\\.(oci|docker))?\\.tar(\\.gz|\\.zst)?$|\\.tgz$");

  private PurlFactory() {}

  /**
   * The purl of a package; {@code os} gives OS packages their vendor namespace and distro qualifier.
   * Empty for a Maven artifact whose groupId is unknown, such as a jar without {@code pom.properties}
   * whose manifest and classes name no group (Spring's {@code spring-jcl} holds only
   * {@code org.apache.commons.logging} classes): a maven purl requires the group, and a guessed one
   * would send matching to another project's artifact. Such a package is still listed, by name and
   * version; the jar was read in full, so it is no analysis problem.
   */
  public static String of(Package pkg, Optional<OsRelease> os) {
    Ecosystem eco = pkg.ecosystem();
    if (eco == Ecosystem.MAVEN && !pkg.name().contains(":")) {
      return "";
    }
    TreeMap<String, String> qualifiers = new TreeMap<>();
    String version = pkg.version();
    if (eco.isOsPackage()) {
      int colon = version.indexOf(':');
      if (eco != Ecosystem.APK && colon > 0) {
        qualifiers.put("epoch", version.substring(0, colon));
        version = version.substring(colon + 1);
      }
      if (!pkg.arch().isEmpty()) {
        qualifiers.put("arch", pkg.arch());
      }
      os.ifPresent(o -> qualifiers.put("distro", eco == Ecosystem.APK ? o.version() : o.family() + "-" + o.version()));
      return build(eco.purlType(), osNamespace(eco, os), pkg.name(), version, qualifiers);
    }
    String[] split = splitName(eco, pkg.name());
    return build(eco.purlType(), split[0], split[1], version, qualifiers);
  }

  /**
   * The purl of an image (purl spec type {@code oci}): the last repository segment as name, the
   * manifest digest as version, and where it can be pulled from.
   */
  public static String ofImage(String imageName, Optional<ImageRef> ref, Digest manifestDigest, Platform platform) {
    TreeMap<String, String> qualifiers = new TreeMap<>();
    qualifiers.put("arch", platform.architecture());
    String name = imageName;
    if (ref.isPresent()) {
      qualifiers.put("repository_url", ref.get().name());
      ref.get().tag().ifPresent(tag -> qualifiers.put("tag", tag));
      name = ref.get().repository();
    }
    return build("oci", null, localName(name), manifestDigest.toString(), qualifiers);
  }

  /**
   * The purl name of an image: the last path segment, lowercase; for an archive named as
   * {@code path/debian12.oci.tar:debian12-app} the selected image, else the file name without its
   * archive extensions.
   */
  private static String localName(String name) {
    String last = name.substring(name.lastIndexOf('/') + 1);
    String local = last.contains(":")
        ? last.substring(last.lastIndexOf(':') + 1)
        : ARCHIVE_SUFFIX.matcher(last).replaceFirst("");
    return local.isBlank() ? "image" : local.toLowerCase(Locale.ROOT);
  }

  private static String osNamespace(Ecosystem eco, Optional<OsRelease> os) {
    String fallback = switch (eco) {
      case DEB -> "debian";
      case APK -> "alpine";
      default -> "redhat";
    };
    String family = os.map(OsRelease::family).orElse(fallback);
    return eco == Ecosystem.RPM ? RPM_VENDORS.getOrDefault(family, family) : family;
  }

  /** {namespace or null, name} as the purl type defines them. */
  private static String[] splitName(Ecosystem eco, String name) {
    return switch (eco) {
      case MAVEN -> name.contains(":") ? split(name, name.indexOf(':')) : new String[] {null, name};
      case NPM, COMPOSER, GO -> name.contains("/") ? split(name, name.lastIndexOf('/')) : new String[] {null, name};
      // PEP 503 normalization; packageurl-java lowercases but leaves runs of "._-" alone.
      case PYPI -> new String[] {null, name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-")};
      default -> new String[] {null, name};
    };
  }

  private static String[] split(String name, int at) {
    return new String[] {name.substring(0, at), name.substring(at + 1)};
  }

  private static String build(String type, String namespace, String name, String version,
      TreeMap<String, String> qualifiers) {
    try {
      return new PackageURL(type, namespace, name, version.isEmpty() ? null : version,
          qualifiers.isEmpty() ? null : qualifiers, null).canonicalize();
    } catch (MalformedPackageURLException e) {
      throw new IllegalArgumentException("cannot build a purl for " + type + " package \"" + name + "\": "
          + e.getMessage(), e);
    }
  }
}

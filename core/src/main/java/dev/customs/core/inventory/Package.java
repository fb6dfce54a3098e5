package dev.customs.core.inventory;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One installed package.
 *
 * @param ecosystem where it comes from
 * @param name the ecosystem's full name: maven {@code group:artifact}, npm {@code @scope/name}, Go
 *     module path, PyPI name as declared, OS package name
 * @param version the ecosystem's full version string: deb {@code [epoch:]upstream[-revision]}, rpm
 *     {@code [epoch:]version-release} (epoch omitted when absent), apk {@code 1.2.3-r0}
 * @param sourceName the source package (deb {@code Source:}, rpm source rpm name), or empty
 * @param sourceVersion the source package version, or empty (then it equals {@code version})
 * @param arch the architecture for OS packages, or empty
 * @param licenses licenses as declared (SPDX identifiers where they parse)
 * @param paths the files the package was found in (its database file, archive or manifest)
 * @param properties further facts by name: {@code maintainer}, {@code vendor}, {@code sha1},
 *     {@code modularitylabel}, {@code replaced-by}…
 */
public record Package(
    Ecosystem ecosystem,
    String name,
    String version,
    String sourceName,
    String sourceVersion,
    String arch,
    List<String> licenses,
    List<String> paths,
    Map<String, String> properties) {

  public Package {
    Objects.requireNonNull(ecosystem, "ecosystem");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a package needs a name");
    }
    version = Objects.requireNonNullElse(version, "");
    sourceName = Objects.requireNonNullElse(sourceName, "");
    sourceVersion = Objects.requireNonNullElse(sourceVersion, "");
    arch = Objects.requireNonNullElse(arch, "");
    licenses = List.copyOf(licenses);
    paths = List.copyOf(paths);
    properties = Map.copyOf(properties);
  }

  /** A package with only the essentials; the rest can be added with the {@code with…} methods. */
  public static Package of(Ecosystem ecosystem, String name, String version, String path) {
    return new Package(ecosystem, name, version, "", "", "", List.of(), List.of(path), Map.of());
  }

  public Package withLicenses(List<String> newLicenses) {
    return new Package(ecosystem, name, version, sourceName, sourceVersion, arch, newLicenses, paths, properties);
  }

  public Package withPaths(List<String> newPaths) {
    return new Package(ecosystem, name, version, sourceName, sourceVersion, arch, licenses, newPaths, properties);
  }

  public Package withSource(String newSourceName, String newSourceVersion) {
    return new Package(ecosystem, name, version, newSourceName, newSourceVersion, arch, licenses, paths, properties);
  }

  public Package withArch(String newArch) {
    return new Package(ecosystem, name, version, sourceName, sourceVersion, newArch, licenses, paths, properties);
  }

  public Package withProperties(Map<String, String> newProperties) {
    return new Package(ecosystem, name, version, sourceName, sourceVersion, arch, licenses, paths, newProperties);
  }
}

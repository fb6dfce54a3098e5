package dev.customs.core.inventory;

/**
 * Where a package comes from. Each ecosystem has one purl type and, for OS packages, is matched
 * by distro and source package; language ecosystems are matched by normalized name.
 */
public enum Ecosystem {
  DEB("deb", true),
  APK("apk", true),
  RPM("rpm", true),
  MAVEN("maven", false),
  NPM("npm", false),
  PYPI("pypi", false),
  GO("golang", false),
  GEM("gem", false),
  CARGO("cargo", false),
  NUGET("nuget", false),
  COMPOSER("composer", false);

  private final String purlType;
  private final boolean osPackage;

  Ecosystem(String purlType, boolean osPackage) {
    this.purlType = purlType;
    this.osPackage = osPackage;
  }

  public String purlType() {
    return purlType;
  }

  public boolean isOsPackage() {
    return osPackage;
  }
}

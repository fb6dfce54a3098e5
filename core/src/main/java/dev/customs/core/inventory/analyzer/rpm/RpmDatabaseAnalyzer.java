package dev.customs.core.inventory.analyzer.rpm;

import dev.customs.core.inventory.Ecosystem;
import dev.customs.core.inventory.Package;
import dev.customs.core.inventory.analyzer.AnalysisSink;
import dev.customs.core.inventory.analyzer.AnalyzerInput;
import dev.customs.core.inventory.analyzer.PackageAnalyzer;
import dev.customs.core.layer.LayerEntry;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Installed rpm packages from any of rpm's three database formats, in both places rpm keeps them
 * ({@code var/lib/rpm}, and {@code usr/lib/sysimage/rpm} on newer Fedora and SUSE). A header that
 * cannot be read is reported and skipped; the other packages of the database are still found.
 */
public final class RpmDatabaseAnalyzer implements PackageAnalyzer {
  /** rpm's imported signing keys appear as packages named gpg-pubkey; they are not software. */
  private static final String GPG_PUBKEY = "gpg-pubkey";

  /** A damaged database reports its first few bad headers one by one, then how many more there were. */
  private static final int MAX_HEADER_PROBLEMS = 10;

  private static final Map<String, RpmDatabaseReader> READERS = readers();

  private static Map<String, RpmDatabaseReader> readers() {
    Map<String, RpmDatabaseReader> readers = new LinkedHashMap<>();
    for (String dir : List.of("var/lib/rpm/", "usr/lib/sysimage/rpm/")) {
      readers.put(dir + "rpmdb.sqlite", new RpmSqliteReader());
      readers.put(dir + "Packages", new BerkeleyHashReader());
      readers.put(dir + "Packages.db", new RpmNdbReader());
    }
    return Map.copyOf(readers);
  }

  @Override
  public String name() {
    return "rpm";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public boolean wants(LayerEntry entry) {
    return READERS.containsKey(entry.path());
  }

  @Override
  public void analyze(AnalyzerInput input, AnalysisSink sink) throws IOException {
    List<byte[]> blobs;
    try {
      blobs = READERS.get(input.path()).headerBlobs(input.content());
    } catch (RpmFormatException e) {
      sink.problem(e.getMessage());
      return;
    }
    int unreadable = 0;
    for (int i = 0; i < blobs.size(); i++) {
      try {
        RpmHeader header = RpmHeaderParser.parse(blobs.get(i));
        if (!header.name().equals(GPG_PUBKEY)) {
          sink.addPackage(toPackage(header, input.path()));
        }
      } catch (RpmFormatException e) {
        if (++unreadable <= MAX_HEADER_PROBLEMS) {
          sink.problem("package " + (i + 1) + " of " + blobs.size() + ": " + e.getMessage());
        }
      }
    }
    if (unreadable > MAX_HEADER_PROBLEMS) {
      sink.problem((unreadable - MAX_HEADER_PROBLEMS) + " more of the " + blobs.size()
          + " package headers are unreadable");
    }
  }

  static Package toPackage(RpmHeader header, String path) {
    String epoch = header.epoch().isPresent() ? header.epoch().getAsInt() + ":" : "";
    Package pkg = Package.of(Ecosystem.RPM, header.name(),
        epoch + header.version() + "-" + header.release(), path).withArch(header.arch());
    Optional<SourceRpm> parsed = SourceRpm.parse(header.sourceRpm());
    if (parsed.isPresent()) {
      SourceRpm source = parsed.get();
      // A source rpm carries no epoch in its file name; it is built from the same spec, so it has the
      // binary package's epoch (the same assumption distro feeds make when they key on source names).
      pkg = pkg.withSource(source.name(), epoch + source.version() + "-" + source.release());
    }
    if (!header.license().isEmpty()) {
      pkg = pkg.withLicenses(List.of(header.license()));
    }
    Map<String, String> properties = new LinkedHashMap<>();
    if (!header.vendor().isEmpty()) {
      properties.put("vendor", header.vendor());
    }
    if (!header.modularityLabel().isEmpty()) {
      properties.put("modularitylabel", header.modularityLabel());
    }
    return pkg.withProperties(properties);
  }
}

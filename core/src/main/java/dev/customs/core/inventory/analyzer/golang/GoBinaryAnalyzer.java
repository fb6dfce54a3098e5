package dev.customs.core.inventory.analyzer.golang;

import dev.customs.core.inventory.Ecosystem;
import dev.customs.core.inventory.Package;
import dev.customs.core.inventory.analyzer.AnalysisSink;
import dev.customs.core.inventory.analyzer.AnalyzerInput;
import dev.customs.core.inventory.analyzer.PackageAnalyzer;
import dev.customs.core.inventory.analyzer.elf.ExecutableCandidates;
import dev.customs.core.inventory.analyzer.elf.ElfFile;
import dev.customs.core.layer.LayerEntry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Go programs: the modules compiled into an ELF executable, read from its build info, plus the Go
 * standard library as package {@code stdlib} at the toolchain's version.
 *
 * <p>Versions: {@code stdlib} gets a {@code v} prefix ({@code go1.22.3} becomes {@code v1.22.3})
 * like every Go module version and like Trivy. The main module of a plain {@code go build} has the
 * version {@code (devel)}, which names no release: it is reported with the version stamped by
 * {@code -ldflags -X ...version=} if there is one (property {@code version-source=ldflags}, see
 * {@link GoLdflagsVersion}), else with an empty version; either way with property
 * {@code main-module=true}. A {@code replace} by another module reports the replacement (what was
 * compiled) with the original in property {@code replaces}; a replace by a local directory keeps
 * the original path, with an empty version and the directory in property {@code replaced-by}, since
 * a path like {@code ../dep} names no package anyone publishes advisories for.
 */
public final class GoBinaryAnalyzer implements PackageAnalyzer {
  private static final Pattern RELEASE = Pattern.compile("go\\d.*");
  private static final String DEVEL = "(devel)";

  @Override
  public String name() {
    return "gobinary";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public boolean wants(LayerEntry entry) {
    return ExecutableCandidates.isCandidate(entry);
  }

  @Override
  public void analyze(AnalyzerInput input, AnalysisSink sink) {
    if (!ElfFile.isElf(input.content())) {
      return;
    }
    Optional<GoBuildInfo> info;
    try {
      info = GoBuildInfoReader.read(input.content());
    } catch (GoBuildInfoException e) {
      sink.problem("Go binary " + input.path() + ": " + e.getMessage());
      return;
    }
    info.ifPresent(i -> report(i, input.path(), sink));
  }

  private static void report(GoBuildInfo info, String path, AnalysisSink sink) {
    stdlibVersion(info.goVersion())
        .ifPresent(v -> sink.addPackage(Package.of(Ecosystem.GO, "stdlib", v, path)));
    info.main().ifPresent(main -> sink.addPackage(mainModule(main, info.settings(), path)));
    for (GoModule dep : info.deps()) {
      sink.addPackage(module(dep, path));
    }
  }

  /** The main module; a {@code (devel)} one takes the version stamped with {@code -ldflags -X}, if any. */
  private static Package mainModule(GoModule main, Map<String, String> settings, String path) {
    Package pkg = module(main, path);
    Optional<String> stamped = pkg.version().isEmpty()
        ? GoLdflagsVersion.of(main.path(), settings.getOrDefault("-ldflags", ""))
        : Optional.empty();
    if (stamped.isPresent()) {
      return new Package(pkg.ecosystem(), pkg.name(), stamped.get(), "", "", "", List.of(), pkg.paths(),
          Map.of("main-module", "true", "version-source", "ldflags"));
    }
    Map<String, String> properties = new HashMap<>(pkg.properties());
    properties.put("main-module", "true");
    return pkg.withProperties(properties);
  }

  private static Package module(GoModule module, String path) {
    if (module.replacement().isEmpty()) {
      return Package.of(Ecosystem.GO, module.path(), release(module.version()), path);
    }
    GoModule replacement = module.replacement().get();
    if (isLocalDirectory(replacement.path())) {
      return Package.of(Ecosystem.GO, module.path(), "", path)
          .withProperties(Map.of("replaced-by", replacement.path()));
    }
    String original = module.version().isEmpty() ? module.path() : module.path() + "@" + module.version();
    return Package.of(Ecosystem.GO, replacement.path(), release(replacement.version()), path)
        .withProperties(Map.of("replaces", original));
  }

  /** {@code go1.22.3 X:boringcrypto} → {@code v1.22.3}; development toolchains name no release. */
  static Optional<String> stdlibVersion(String goVersion) {
    if (!RELEASE.matcher(goVersion).matches()) {
      return Optional.empty();
    }
    String version = goVersion.substring(2);
    int space = version.indexOf(' ');
    return Optional.of("v" + (space < 0 ? version : version.substring(0, space)));
  }

  private static String release(String version) {
    return DEVEL.equals(version) ? "" : version;
  }

  /** Go's rule for a replacement that is a directory rather than a module: it starts with ./ ../ or /. */
  private static boolean isLocalDirectory(String path) {
    return path.startsWith("./") || path.startsWith("../") || path.startsWith("/")
        || path.equals(".") || path.equals("..");
  }
}

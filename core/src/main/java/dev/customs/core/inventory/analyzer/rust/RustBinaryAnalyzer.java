package dev.customs.core.inventory.analyzer.rust;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customs.core.inventory.Ecosystem;
import dev.customs.core.inventory.Package;
import dev.customs.core.inventory.analyzer.AnalysisSink;
import dev.customs.core.inventory.analyzer.AnalyzerInput;
import dev.customs.core.inventory.analyzer.PackageAnalyzer;
import dev.customs.core.inventory.analyzer.elf.ElfFile;
import dev.customs.core.inventory.analyzer.elf.ElfFormatException;
import dev.customs.core.inventory.analyzer.elf.ExecutableCandidates;
import dev.customs.core.layer.LayerEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Rust programs built with cargo-auditable: the {@code .dep-v0} ELF section holds the crate list as
 * zlib-compressed JSON {@code {"packages":[{name, version, source, kind, dependencies, root}]}}.
 * Build-time crates ({@code kind: build}: build scripts, proc macros) are not part of the program
 * and are not reported; the root crate is, with property {@code root=true}.
 */
public final class RustBinaryAnalyzer implements PackageAnalyzer {
  /** cargo-auditable itself refuses more than 8 MiB of uncompressed JSON; so does this. */
  static final int MAX_INFLATED = 8 * 1024 * 1024;
  private static final String SECTION = ".dep-v0";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String name() {
    return "rust-binary";
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
  public void analyze(AnalyzerInput input, AnalysisSink sink) throws IOException {
    if (!ElfFile.isElf(input.content())) {
      return;
    }
    try {
      Optional<ElfFile.Section> section = ElfFile.parse(input.content()).section(SECTION);
      if (section.isPresent()) {
        int from = (int) section.get().offset();
        byte[] compressed = Arrays.copyOfRange(input.content(), from, from + (int) section.get().size());
        report(JSON.readTree(inflate(compressed)), input.path(), sink);
      }
    } catch (ElfFormatException e) {
      sink.problem("Rust binary " + input.path() + ": malformed ELF: " + e.getMessage());
    } catch (DataFormatException e) {
      sink.problem("Rust binary " + input.path() + ": " + SECTION + " is not zlib data: " + e.getMessage());
    } catch (JacksonException e) {
      sink.problem("Rust binary " + input.path() + ": " + SECTION + " is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static void report(JsonNode root, String path, AnalysisSink sink) {
    JsonNode packages = root.path("packages");
    if (!packages.isArray()) {
      sink.problem("Rust binary " + path + ": " + SECTION + " has no 'packages' array");
      return;
    }
    for (JsonNode pkg : packages) {
      String name = pkg.path("name").asText("");
      if (name.isBlank()) {
        sink.problem("Rust binary " + path + ": " + SECTION + " lists a crate without a name");
        continue;
      }
      if (pkg.path("kind").asText("runtime").equals("build")) {
        continue;
      }
      Map<String, String> properties = new HashMap<>();
      if (pkg.path("source").isTextual()) {
        properties.put("source", pkg.get("source").asText());
      }
      if (pkg.path("root").asBoolean(false)) {
        properties.put("root", "true");
      }
      sink.addPackage(Package.of(Ecosystem.CARGO, name, pkg.path("version").asText(""), path)
          .withProperties(properties));
    }
  }

  /** Inflates zlib data, refusing more than {@link #MAX_INFLATED} bytes (a zip bomb). */
  static byte[] inflate(byte[] compressed) throws DataFormatException {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(compressed);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] chunk = new byte[64 * 1024];
      while (!inflater.finished()) {
        int n = inflater.inflate(chunk);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new DataFormatException("truncated zlib stream");
        }
        out.write(chunk, 0, n);
        if (out.size() > MAX_INFLATED) {
          throw new DataFormatException("inflates to more than " + MAX_INFLATED + " bytes");
        }
      }
      return out.toByteArray();
    } finally {
      inflater.end();
    }
  }
}

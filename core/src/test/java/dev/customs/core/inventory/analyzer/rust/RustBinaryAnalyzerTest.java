package dev.customs.core.inventory.analyzer.rust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.core.inventory.Ecosystem;
import dev.customs.core.inventory.Package;
import dev.customs.core.inventory.analyzer.RecordedAnalysis;
import dev.customs.core.inventory.analyzer.elf.TestElf;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RustBinaryAnalyzerTest {
  private static final String AUDIT_JSON = """
      {"packages":[
        {"name":"myapp","version":"0.3.1","source":"local","kind":"runtime","dependencies":[1,2],"root":true},
        {"name":"smallvec","version":"0.6.14","source":"crates.io","dependencies":[3]},
        {"name":"cc","version":"1.0.83","source":"crates.io","kind":"build"},
        {"name":"maybe-uninit","version":"2.0.0","source":"crates.io","kind":"runtime"}
      ]}""";
  private final RustBinaryAnalyzer analyzer = new RustBinaryAnalyzer();

  @Test
  void readsTheAuditableDependencyList() throws Exception {
    RecordedAnalysis result = RecordedAnalysis.analyze(analyzer, "usr/local/bin/myapp", binary(zlib(AUDIT_JSON)));

    String path = "usr/local/bin/myapp";
    assertThat(result.problems).isEmpty();
    assertThat(result.packages).containsExactly(
        Package.of(Ecosystem.CARGO, "myapp", "0.3.1", path).withProperties(Map.of("source", "local", "root", "true")),
        Package.of(Ecosystem.CARGO, "smallvec", "0.6.14", path).withProperties(Map.of("source", "crates.io")),
        Package.of(Ecosystem.CARGO, "maybe-uninit", "2.0.0", path).withProperties(Map.of("source", "crates.io")));
  }

  @Test
  void anElfWithoutTheSectionHasNoCrates() throws Exception {
    TestElf elf = new TestElf();
    elf.section(".text", new byte[128]);
    RecordedAnalysis result = RecordedAnalysis.analyze(analyzer, "usr/bin/c-program", elf.build());
    assertThat(result.packages).isEmpty();
    assertThat(result.problems).isEmpty();
  }

  static Stream<Arguments> broken() {
    byte[] good = binary(zlib(AUDIT_JSON));
    return Stream.of(
        Arguments.of("zlib bomb", binary(zlib(" ".repeat(RustBinaryAnalyzer.MAX_INFLATED + 1))), "inflates to more than"),
        Arguments.of("not zlib", binary("{\"packages\":[]}".getBytes(StandardCharsets.UTF_8)), "not zlib data"),
        Arguments.of("truncated zlib", binary(Arrays.copyOf(zlib(AUDIT_JSON), 20)), "truncated zlib"),
        Arguments.of("not JSON", binary(zlib("{\"packages\":[{\"name\":")), "not valid JSON"),
        Arguments.of("no packages", binary(zlib("{\"crates\":[]}")), "no 'packages' array"),
        Arguments.of("nameless crate", binary(zlib("{\"packages\":[{\"version\":\"1\"}]}")), "without a name"),
        Arguments.of("truncated ELF", Arrays.copyOf(good, good.length - 100), "malformed ELF"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("broken")
  void brokenInputIsAProblemNamingTheFile(String name, byte[] content, String reason) throws Exception {
    RecordedAnalysis result = RecordedAnalysis.analyze(analyzer, "usr/bin/broken", content);
    assertThat(result.packages).isEmpty();
    assertThat(result.problems).singleElement().asString().contains("usr/bin/broken").contains(reason);
  }

  private static byte[] binary(byte[] depV0) {
    TestElf elf = new TestElf();
    elf.section(".text", new byte[64]);
    elf.section(".dep-v0", depV0);
    return elf.build();
  }

  private static byte[] zlib(String json) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    deflater.setInput(json.getBytes(StandardCharsets.UTF_8));
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    while (!deflater.finished()) {
      out.write(chunk, 0, deflater.deflate(chunk));
    }
    deflater.end();
    return out.toByteArray();
  }
}

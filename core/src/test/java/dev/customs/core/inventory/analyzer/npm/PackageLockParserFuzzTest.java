package dev.customs.core.inventory.analyzer.npm;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.customs.core.inventory.Package;
import java.io.IOException;
import java.util.List;

/**
 * Any bytes given as a {@code package-lock.json} parse or fail with an {@link IOException} (which
 * the analyzer turns into a problem): no other exception, no hang. Runs its seeds in regression
 * mode; {@code JAZZER_FUZZ=1} fuzzes.
 */
class PackageLockParserFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void parsesAnyLockFile(byte[] data) {
    List<Package> packages;
    try {
      packages = PackageLockParser.parse("srv/package-lock.json", data);
    } catch (IOException e) {
      return;
    }
    assertThat(packages).allSatisfy(p -> {
      assertThat(p.name()).isNotBlank();
      assertThat(p.version()).isNotBlank();
    });
  }
}

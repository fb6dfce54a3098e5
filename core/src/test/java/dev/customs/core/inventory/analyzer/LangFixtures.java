package dev.customs.core.inventory.analyzer;

import dev.customs.testkit.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The cases of {@code shared/testdata/langfixtures/<ecosystem>/} and their expected lists. */
public final class LangFixtures {
  private LangFixtures() {}

  /** The case directories of one ecosystem, sorted. */
  public static List<Path> cases(String ecosystem) {
    try (Stream<Path> dirs = Files.list(TestData.testdata("langfixtures/" + ecosystem))) {
      return dirs.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The {@code name<TAB>version} lines of {@code expected.tsv} (or {@code expected-dev.tsv}), the
   * ecosystem column checked to be {@code ecosystemLabel}; empty when the file does not exist.
   */
  public static TreeSet<String> expected(Path caseDir, String file, String ecosystemLabel) throws IOException {
    TreeSet<String> lines = new TreeSet<>();
    Path tsv = caseDir.resolve(file);
    if (!Files.exists(tsv)) {
      return lines;
    }
    for (String line : Files.readAllLines(tsv)) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t");
      if (!f[0].equals(ecosystemLabel) || f.length != 3) {
        throw new IllegalStateException(tsv + ": unexpected line " + line);
      }
      lines.add(f[1] + "\t" + f[2]);
    }
    return lines;
  }
}

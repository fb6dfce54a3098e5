package dev.customs.core.vuln.version;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The recorded answers of a scheme's real tool: {@code versions/<scheme>.tsv} (pairs and the sign
 * the tool gave) and {@code versions/<scheme>-invalid.txt} (versions the tool rejects), written by
 * {@code scripts/oracles/generate-version-oracles.sh}.
 */
record VersionOracle(String scheme, List<Answer> answers, List<String> invalid) {

  /** One recorded comparison: the tool ordered {@code a} and {@code b} with sign {@code sign}. */
  record Answer(String a, String b, int sign) {
    @Override
    public String toString() {
      return a + " <=> " + b + " = " + sign;
    }
  }

  static VersionOracle load(String scheme) {
    List<Answer> answers = new ArrayList<>();
    for (String line : lines("versions/" + scheme + ".tsv")) {
      String[] fields = line.split("\t", -1);
      if (fields.length != 3) {
        throw new IllegalStateException("versions/" + scheme + ".tsv: not a<TAB>b<TAB>sign: " + line);
      }
      answers.add(new Answer(fields[0], fields[1], Integer.parseInt(fields[2])));
    }
    List<String> invalid = resourceExists("versions/" + scheme + "-invalid.txt")
        ? lines("versions/" + scheme + "-invalid.txt") : List.of();
    return new VersionOracle(scheme, List.copyOf(answers), invalid);
  }

  /** Every distinct version of the answers, in first-seen order. */
  List<String> versions() {
    Set<String> versions = new LinkedHashSet<>();
    for (Answer answer : answers) {
      versions.add(answer.a());
      versions.add(answer.b());
    }
    return List.copyOf(versions);
  }

  private static boolean resourceExists(String name) {
    return VersionOracle.class.getClassLoader().getResource(name) != null;
  }

  private static List<String> lines(String name) {
    InputStream in = VersionOracle.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("missing test resource " + name);
    }
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader.lines().filter(line -> !line.isEmpty()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(name, e);
    }
  }
}

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
 * The recorded answers of a scheme's real tool, written by
 * {@code scripts/oracles/generate-version-oracles.sh}: {@code versions/<scheme>.tsv} (pairs of real
 * versions and the sign the tool gave), {@code versions/<scheme>-generated.tsv} (the same for
 * generated versions) and {@code versions/<scheme>-invalid.txt} (versions the tool rejects).
 */
record VersionOracle(String scheme, List<Answer> answers, List<Answer> generated, List<String> invalid) {

  /** One recorded comparison: the tool ordered {@code a} and {@code b} with sign {@code sign}. */
  record Answer(String a, String b, int sign) {
    @Override
    public String toString() {
      return a + " <=> " + b + " = " + sign;
    }
  }

  static VersionOracle load(String scheme) {
    return new VersionOracle(scheme, answers("versions/" + scheme + ".tsv"),
        answers("versions/" + scheme + "-generated.tsv"), lines("versions/" + scheme + "-invalid.txt"));
  }

  private static List<Answer> answers(String resource) {
    List<Answer> answers = new ArrayList<>();
    for (String line : lines(resource)) {
      String[] fields = line.split("\t", -1);
      if (fields.length != 3) {
        throw new IllegalStateException(resource + ": not a<TAB>b<TAB>sign: " + line);
      }
      answers.add(new Answer(fields[0], fields[1], Integer.parseInt(fields[2])));
    }
    return List.copyOf(answers);
  }

  /** Every distinct version of the real and generated answers, in first-seen order. */
  List<String> versions() {
    Set<String> versions = new LinkedHashSet<>();
    for (Answer answer : all()) {
      versions.add(answer.a());
      versions.add(answer.b());
    }
    return List.copyOf(versions);
  }

  /** The real and the generated answers. */
  List<Answer> all() {
    List<Answer> all = new ArrayList<>(answers);
    all.addAll(generated);
    return all;
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

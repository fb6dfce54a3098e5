package dev.customs.core.policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code .customsignore} file, in the spirit of {@code .trivyignore}: one vulnerability id per
 * line, optionally {@code exp:YYYY-MM-DD} (the last day it applies) and a {@code # comment}; blank
 * lines and comment-only lines are skipped.
 *
 * <pre>
 * CVE-2021-44228 exp:2027-01-31 # log4j is not reachable: JNDI lookups disabled
 * GHSA-jfh8-c2jp-5v3q
 * </pre>
 */
public record IgnoreFile(String source, List<IgnoreEntry> entries) {
  public IgnoreFile {
    entries = List.copyOf(entries);
  }

  public static IgnoreFile read(Path file) throws IOException, PolicyFormatException {
    return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
  }

  public static IgnoreFile parse(String source, String text) throws PolicyFormatException {
    List<IgnoreEntry> entries = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int hash = line.indexOf('#');
      String comment = hash < 0 ? "" : line.substring(hash + 1).strip();
      String[] words = (hash < 0 ? line : line.substring(0, hash)).strip().split("\\s+");
      if (words[0].isEmpty()) {
        continue;
      }
      Optional<LocalDate> expires = Optional.empty();
      for (int w = 1; w < words.length; w++) {
        if (!words[w].startsWith("exp:")) {
          problems.add(source + ":" + (i + 1) + ": unexpected \"" + words[w]
              + "\": expected exp:YYYY-MM-DD or # comment");
          continue;
        }
        try {
          expires = Optional.of(LocalDate.parse(words[w].substring(4)));
        } catch (DateTimeParseException e) {
          problems.add(source + ":" + (i + 1) + ": expected exp:YYYY-MM-DD, was " + words[w]);
        }
      }
      entries.add(new IgnoreEntry(words[0], expires, comment, i + 1));
    }
    if (!problems.isEmpty()) {
      throw new PolicyFormatException(problems);
    }
    return new IgnoreFile(source, entries);
  }
}

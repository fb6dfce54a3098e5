package dev.customs.cli.command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks that every document a scan reads besides the image is a local file. Customs fetches no
 * policy, VEX document, ignore file or database on its own (the database only comes from
 * {@code customs db build|pull|import}); a URL given to one of those flags is refused up front with
 * what to do instead, rather than failing later as a file that does not exist. With
 * {@code --offline} the message says that the scan was promised to stay off the network.
 */
final class LocalInputs {
  // A scheme of two or more characters: "C:/x" is a Windows drive, "https:/x" is a URL whose "//"
  // a Path already collapsed.
  private static final Pattern REMOTE = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]+:/.*");

  private final List<String> problems = new ArrayList<>();

  LocalInputs policies(List<String> policies) {
    policies.forEach(p -> check("--policy", p, "download the policy and pass the file"));
    return this;
  }

  LocalInputs ignoreFile(Path file) {
    if (file != null) {
      check("--ignorefile", file.toString(), "download it and pass the file");
    }
    return this;
  }

  LocalInputs vex(List<Path> documents) {
    documents.forEach(d -> check("--vex", d.toString(), "download the document and pass the file"));
    return this;
  }

  LocalInputs db(Path db) {
    if (db != null) {
      check("--db", db.toString(), "install the database first with customs db pull or customs db import");
    }
    return this;
  }

  /** One message per remote input; empty when every input is local. */
  List<String> problems(boolean offline) {
    return problems.stream().map(p -> p + (offline ? " (--offline: nothing is fetched but the image)" : ""))
        .toList();
  }

  private void check(String flag, String value, String instead) {
    if (REMOTE.matcher(value).matches()) {
      problems.add(flag + " " + value + " is not a local file: Customs reads it from disk only; " + instead);
    }
  }
}

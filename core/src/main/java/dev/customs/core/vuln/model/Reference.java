package dev.customs.core.vuln.model;

import java.util.Objects;

/** A link about a vulnerability; {@code type} is OSV's ({@code ADVISORY}, {@code FIX}, {@code WEB}…) or empty. */
public record Reference(String type, String url) {
  public Reference {
    type = Objects.requireNonNullElse(type, "");
    Objects.requireNonNull(url, "url");
  }
}

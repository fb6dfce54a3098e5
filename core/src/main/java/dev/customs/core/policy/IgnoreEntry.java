package dev.customs.core.policy;

import java.time.LocalDate;
import java.util.Optional;

/** One line of an ignore file: an id, an optional last day and an optional comment. */
public record IgnoreEntry(String id, Optional<LocalDate> expires, String comment, int line) {}

package dev.customs.core.vuln.model;

import java.util.List;
import java.util.Objects;

/**
 * A set of affected versions described by events, evaluated as OSV specifies: events sorted by
 * version, a version is affected when the nearest event at or below it is {@code introduced}
 * ({@code fixed}/{@code limit} are exclusive, {@code last_affected} inclusive). Git ranges are not
 * kept: they name commits, which an image inventory does not have.
 */
public record VersionRange(RangeType type, List<RangeEvent> events) {
  public VersionRange {
    Objects.requireNonNull(type, "type");
    events = List.copyOf(events);
  }

  /** The versions of the events of one kind, in source order. */
  public List<String> versionsOf(EventKind kind) {
    return events.stream().filter(e -> e.kind() == kind).map(RangeEvent::version).toList();
  }
}

package dev.customs.server.pulls;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What one pull run did.
 *
 * @param trigger {@code schedule} or {@code manual}
 * @param imagesNew tags seen for the first time: registered and scanned
 * @param imagesChanged tags moved to a new digest: scanned again
 * @param imagesUnchanged tags whose digest was already scanned: skipped
 * @param imagesGone registered images the registry no longer lists: marked deleted for cleanup
 * @param imagesFailed repositories or tags that could not be listed or resolved ({@code failures} says why)
 * @param resumeCursor where the next run resumes, or null when this one reached the end
 */
public record PullReport(UUID id, UUID registryId, String trigger, Instant startedAt, Instant finishedAt,
    int repositoriesSeen, int imagesNew, int imagesChanged, int imagesUnchanged, int imagesGone, int imagesFailed,
    String resumeCursor, List<String> failures) {

  public PullReport {
    failures = List.copyOf(failures);
  }

  @JsonProperty("durationMillis")
  public long durationMillis() {
    return finishedAt.toEpochMilli() - startedAt.toEpochMilli();
  }
}

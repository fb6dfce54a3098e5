package dev.customs.server.pulls;

import dev.customs.core.registry.RegistryClient;
import dev.customs.core.registry.provider.EnumerationFailure;
import dev.customs.core.registry.provider.EnumerationReport;
import dev.customs.core.registry.provider.RegistryEvent;
import dev.customs.core.registry.provider.RepositoryTags;
import dev.customs.core.registry.provider.TagInfo;
import dev.customs.server.images.RegistryEventRecorder;
import dev.customs.server.images.RegistryEventRecorder.Effect;
import dev.customs.server.images.RegistryListingReconciler;
import dev.customs.server.registries.Registry;
import dev.customs.server.registries.RegistryClientFactory;
import dev.customs.server.registries.RegistryUrlGuard;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * One pull run of one registry: enumerate with core's {@code EnumerationRun} under the registry's
 * settings, resolve each kept tag to its digest (from the listing where it has one, else a manifest
 * request), and record it like a push: new digests are registered and scanned, a tag moved to a new
 * digest is scanned again, an unchanged one is skipped. Guarded by the registry's pull lease, so
 * replicas never pull the same registry at once.
 */
@Service
public class RegistryPullRunner {
  /** Longer than any run should take; a replica that dies mid-run blocks its registry this long at most. */
  static final Duration LEASE = Duration.ofHours(1);

  private final PullRepository pulls;
  private final RegistryClientFactory clients;
  private final RegistryUrlGuard guard;
  private final RegistryEventRecorder recorder;
  private final RegistryListingReconciler reconciler;
  private final Clock clock;

  public RegistryPullRunner(PullRepository pulls, RegistryClientFactory clients, RegistryUrlGuard guard,
      RegistryEventRecorder recorder, RegistryListingReconciler reconciler, Clock clock) {
    this.pulls = pulls;
    this.clients = clients;
    this.guard = guard;
    this.recorder = recorder;
    this.reconciler = reconciler;
    this.clock = clock;
  }

  /** The run's report, or empty when another run (this replica's or another's) holds the registry. */
  public Optional<PullReport> run(Registry registry, String trigger, String owner) {
    PullSettings settings = pulls.settings(registry.id());
    Instant started = clock.instant();
    if (!pulls.tryLease(registry.id(), owner, started, started.plus(LEASE))) {
      return Optional.empty();
    }
    String cursor = settings.resumeCursor();
    try {
      Tally tally = new Tally();
      cursor = walk(registry, settings, tally);
      PullReport report = tally.report(registry.id(), trigger, started, clock.instant(), cursor);
      pulls.insertReport(report);
      return Optional.of(report);
    } finally {
      pulls.finish(registry.id(), owner, cursor);
    }
  }

  /** @return the cursor for the next run */
  private String walk(Registry registry, PullSettings settings, Tally tally) {
    EnumerationReport listing;
    try {
      if (registry.connector() != null) {
        throw new IOException("reached through connector " + registry.connector() + ", which cannot pull yet");
      }
      guard.check(registry.url(), registry.url().startsWith("http://"), false);
      listing = clients.enumerate(registry, settings.policy());
    } catch (IOException | RuntimeException e) {
      tally.fail("enumeration: " + e.getMessage());
      return settings.resumeCursor();
    }
    tally.repositories = listing.repositories().size() + listing.failures().size();
    tally.gone = reconciler.reconcile(registry, listing);
    listing.failures().forEach((EnumerationFailure f) -> tally.fail(f.repository() + ": " + f.message()));
    try (RegistryClient client = clients.openClient(registry)) {
      for (RepositoryTags repository : listing.repositories()) {
        for (TagInfo tag : repository.tags()) {
          record(registry, client, repository.repository(), tag, tally);
        }
      }
    } catch (IOException | RuntimeException e) {
      tally.fail("opening the registry: " + e.getMessage());
      return settings.resumeCursor();
    }
    return listing.resumeCursor();
  }

  private void record(Registry registry, RegistryClient client, String repository, TagInfo tag, Tally tally) {
    try {
      String digest = tag.digest() != null ? tag.digest()
          : client.fetchManifest(repository, tag.name()).digest().toString();
      Effect effect = recorder.record(registry, RegistryEvent.push(repository, tag.name(), digest, null), "pull");
      if (effect == Effect.IGNORED) {
        tally.fail(repository + ":" + tag.name() + ": not a valid image reference");
      } else {
        tally.effects.merge(effect, 1, Integer::sum);
      }
    } catch (IOException | RuntimeException e) {
      tally.fail(repository + ":" + tag.name() + ": " + e.getMessage());
    }
  }

  /** Counts of one run. */
  private static final class Tally {
    private final Map<Effect, Integer> effects = new EnumMap<>(Effect.class);
    private final List<String> failures = new ArrayList<>();
    private int repositories;
    private int gone;

    void fail(String message) {
      failures.add(message);
    }

    PullReport report(UUID registryId, String trigger, Instant started, Instant finished, String cursor) {
      return new PullReport(UUID.randomUUID(), registryId, trigger, started, finished, repositories,
          effects.getOrDefault(Effect.REGISTERED, 0), effects.getOrDefault(Effect.RESCANNED, 0),
          effects.getOrDefault(Effect.UNCHANGED, 0), gone, failures.size(), cursor, failures);
    }
  }
}

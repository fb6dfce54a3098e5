package dev.customs.server.pulls;

import dev.customs.server.common.Cron;
import dev.customs.server.common.PeriodicWork;
import dev.customs.server.registries.Registry;
import dev.customs.server.registries.RegistryRepository;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Starts pull runs: every registry whose cron time has come (checked each minute), and "run now".
 * Runs execute on one thread per replica, one registry after the other; the pull lease makes
 * the schedule cluster-safe (every replica looks, one pulls).
 */
@Component
public class PullScheduler extends PeriodicWork {
  private static final Logger LOG = LoggerFactory.getLogger(PullScheduler.class);
  private static final long TICK_SECONDS = 60;

  private final RegistryRepository registries;
  private final PullRepository pulls;
  private final RegistryPullRunner runner;
  private final Clock clock;
  private final String owner = "pull:" + ManagementFactory.getRuntimeMXBean().getPid() + ":"
      + UUID.randomUUID().toString().substring(0, 8);

  public PullScheduler(RegistryRepository registries, PullRepository pulls, RegistryPullRunner runner, Clock clock) {
    super("registry-pull", Duration.ofSeconds(TICK_SECONDS), Duration.ofSeconds(TICK_SECONDS));
    this.registries = registries;
    this.pulls = pulls;
    this.runner = runner;
    this.clock = clock;
  }

  /** Runs the registry's pull now, on the pull thread; the future is empty when a run is already going. */
  public Future<Optional<PullReport>> runNow(Registry registry) {
    return submit(() -> runner.run(registry, "manual", owner));
  }

  /** When the registry's cron fires next after {@code after} (in the zone of the server clock, UTC). */
  static Instant next(String cron, Instant after, ZoneId zone) {
    return Cron.parse("cron", cron).next(after, zone);
  }

  @Override
  protected void tick() {
    try {
      Instant now = clock.instant();
      for (Registry registry : registries.findAll()) {
        PullSettings settings = pulls.settings(registry.id());
        Optional<Instant> due = pulls.nextRunAt(registry.id());
        if (due.isEmpty()) {
          pulls.setNextRunAt(registry.id(), next(settings.cron(), now, clock.getZone()));
        } else if (!due.get().isAfter(now)) {
          pulls.setNextRunAt(registry.id(), next(settings.cron(), now, clock.getZone()));
          submit(() -> runner.run(registry, "schedule", owner));
        }
      }
    } catch (RuntimeException e) {
      // the database may be briefly unreachable: the next tick tries again
      LOG.warn("Pull schedule check failed: {}", e.getMessage());
    }
  }
}

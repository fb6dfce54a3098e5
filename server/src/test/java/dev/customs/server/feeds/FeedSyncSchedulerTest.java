package dev.customs.server.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.server.ServerTest;
import dev.customs.server.common.ClusterLeases;
import dev.customs.server.vulndata.VulnerabilityData;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The schedule, as two replicas sharing the database see it: a first start without data syncs at
 * once, then every cron time exactly one replica is told to run. The test context's own scheduler
 * has no schedule, so only these two move the shared next run time.
 */
@ServerTest
class FeedSyncSchedulerTest {
  private static final Instant T0 = Instant.parse("2026-01-01T01:00:00Z");

  @Autowired
  ClusterLeases leases;
  @Autowired
  FeedSyncRepository runs;
  @TempDir
  Path home;

  @Test
  void aFreshServerSyncsAtOnceThenOneReplicaPerCronTime() {
    VulnerabilityData empty = new VulnerabilityData(null, home.resolve("customs.db").toString(), event -> { });
    FeedSyncScheduler a = scheduler(empty, "a");
    FeedSyncScheduler b = scheduler(empty, "b");

    assertThat(a.dueRun(T0)).contains("startup");
    assertThat(leases.nextRunAt(FeedSync.LEASE)).contains(Instant.parse("2026-01-01T06:00:00Z"));
    assertThat(b.dueRun(T0.plusSeconds(60))).isEmpty();
    assertThat(a.dueRun(T0.plus(Duration.ofHours(4)))).isEmpty();

    Instant six = Instant.parse("2026-01-01T06:00:30Z");
    assertThat(List.of(a.dueRun(six), b.dueRun(six))).filteredOn(r -> r.isPresent()).singleElement()
        .isEqualTo(java.util.Optional.of("schedule"));
    assertThat(leases.nextRunAt(FeedSync.LEASE)).contains(Instant.parse("2026-01-01T12:00:00Z"));

    FeedSyncScheduler unscheduled = new FeedSyncScheduler(sync(empty, "c"), properties("-"), leases, empty,
        Clock.systemUTC());
    assertThat(unscheduled.dueRun(Instant.parse("2026-01-02T00:00:00Z"))).isEmpty();
  }

  private FeedSyncScheduler scheduler(VulnerabilityData data, String replica) {
    return new FeedSyncScheduler(sync(data, replica), properties("0 0 */6 * * *"), leases, data,
        Clock.fixed(T0, ZoneOffset.UTC));
  }

  private FeedSync sync(VulnerabilityData data, String replica) {
    return new FeedSync(runs, leases, data, properties("-"), home.resolve("feeds"), Clock.systemUTC(), replica);
  }

  private static FeedSyncProperties properties(String schedule) {
    return new FeedSyncProperties(schedule, List.of(), "", Duration.ZERO, Duration.ofSeconds(60), Duration.ofHours(3));
  }
}

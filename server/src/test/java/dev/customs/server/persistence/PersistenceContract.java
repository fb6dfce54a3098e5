package dev.customs.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customs.core.image.Digest;
import dev.customs.core.inventory.LayerAnalysis;
import dev.customs.server.audit.AuditEvent;
import dev.customs.server.audit.AuditRepository;
import dev.customs.server.common.ClusterLeases;
import dev.customs.server.common.FirstStartSteps;
import dev.customs.server.common.PageRequest;
import dev.customs.server.feeds.FeedSyncRepository;
import dev.customs.server.feeds.FeedSyncRun;
import dev.customs.server.identity.ApiToken;
import dev.customs.server.identity.ApiTokenRepository;
import dev.customs.server.identity.Role;
import dev.customs.core.inventory.Ecosystem;
import dev.customs.core.policy.Assessment;
import dev.customs.core.policy.ControlAssessment;
import dev.customs.core.policy.ControlResult;
import dev.customs.core.policy.PolicyAction;
import dev.customs.core.policy.PolicyAssessment;
import dev.customs.core.policy.Verdict;
import dev.customs.core.policy.VulnerabilityView;
import dev.customs.core.vuln.db.BundleMetadata;
import dev.customs.core.vuln.model.SeverityLevel;
import dev.customs.server.assessments.FailureStreaks;
import dev.customs.server.assessments.Judgement;
import dev.customs.server.assessments.JudgementRecorder;
import dev.customs.server.assessments.JudgementRepository;
import dev.customs.server.assessments.StoredFinding;
import dev.customs.server.images.ImageFilter;
import dev.customs.server.policies.ExceptionRepository;
import dev.customs.server.policies.PolicyRepository;
import dev.customs.server.policies.StoredPolicy;
import dev.customs.server.policies.VulnerabilityException;
import dev.customs.server.scanning.ScanResultRepository;
import java.time.LocalDate;
import org.springframework.transaction.support.TransactionTemplate;
import dev.customs.server.images.ImageRepository;
import dev.customs.server.images.RegisteredImage;
import dev.customs.server.identity.UserAccount;
import dev.customs.server.identity.UserRepository;
import dev.customs.server.notifications.ChannelType;
import dev.customs.server.notifications.Delivery;
import dev.customs.server.notifications.DeliveryRepository;
import dev.customs.server.notifications.DeliveryState;
import dev.customs.server.notifications.NotificationEvent;
import dev.customs.server.notifications.Subscription;
import dev.customs.server.notifications.SubscriptionRepository;
import dev.customs.server.maintenance.CleanupRules;
import dev.customs.server.maintenance.MaintenanceRepository;
import dev.customs.server.maintenance.MaintenanceRun;
import dev.customs.server.maintenance.MaintenanceSettings;
import dev.customs.server.pulls.PullReport;
import dev.customs.server.pulls.PullRepository;
import dev.customs.server.pulls.PullSettings;
import dev.customs.server.registries.AuthKind;
import dev.customs.server.registries.Registry;
import dev.customs.server.registries.RegistryRepository;
import dev.customs.server.registries.RegistryType;
import dev.customs.server.scanning.DatabaseLayerCache;
import dev.customs.server.scanning.DigestLocks;
import dev.customs.server.scanning.ScanJob;
import dev.customs.server.scanning.ScanJobRepository;
import dev.customs.server.scanning.ScanState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The migrations and every repository, run once per database (H2 in PostgreSQL mode and the real
 * PostgreSQL): the SQL must mean the same on both, including timestamps, UUIDs and key violations.
 */
abstract class PersistenceContract {
  /** PostgreSQL keeps microseconds; values are truncated so round trips compare equal on both. */
  static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

  @Autowired
  JdbcClient jdbc;
  @Autowired
  UserRepository users;
  @Autowired
  ApiTokenRepository tokens;
  @Autowired
  RegistryRepository registries;
  @Autowired
  AuditRepository audit;
  @Autowired
  FirstStartSteps steps;
  @Autowired
  ImageRepository images;
  @Autowired
  ScanJobRepository jobs;
  @Autowired
  DigestLocks locks;
  @Autowired
  DatabaseLayerCache layerCache;
  @Autowired
  PullRepository pulls;
  @Autowired
  MaintenanceRepository maintenance;
  @Autowired
  SubscriptionRepository subscriptions;
  @Autowired
  DeliveryRepository deliveries;
  @Autowired
  ClusterLeases leases;
  @Autowired
  FeedSyncRepository feedSyncs;
  @Autowired
  PolicyRepository policies;
  @Autowired
  ExceptionRepository exceptions;
  @Autowired
  JudgementRepository judgements;
  @Autowired
  JudgementRecorder recorder;
  @Autowired
  ScanResultRepository results;
  @Autowired
  TransactionTemplate transactions;
  @Autowired
  FailureStreaks failures;

  @Test
  void everyMigrationApplied() throws Exception {
    List<String> versions = jdbc.sql("select version from flyway_schema_history where success = true "
        + "and version is not null order by installed_rank").query(String.class).list();
    assertThat(versions).isNotEmpty().containsExactlyElementsOf(migrationVersions());
  }

  /** The versions of the migration files shipped, in version order (branches add their own numbers). */
  private static List<String> migrationVersions() {
    try {
      return Arrays.stream(new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*__*.sql"))
          .map(r -> r.getFilename().substring(1, r.getFilename().indexOf("__")))
          .sorted(Comparator.comparingInt(Integer::parseInt))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void firstStartCreatedTheAdministratorAndDockerHub() {
    assertThat(users.findByUsername("admin")).get().extracting(UserAccount::role).isEqualTo(Role.ADMIN);
    assertThat(registries.findByName("Docker Hub")).get().extracting(Registry::type).isEqualTo(RegistryType.DOCKERHUB);
  }

  @Test
  void usersRoundTripAndUsernamesAreUnique() {
    UserAccount user = new UserAccount(UUID.randomUUID(), "u-" + UUID.randomUUID(), "{argon2}x", Role.AUDITOR, true,
        NOW);
    users.insert(user);
    assertThat(users.findByUsername(user.username())).contains(user);
    UserAccount twin = new UserAccount(UUID.randomUUID(), user.username(), "{argon2}y", Role.SCANNER, true, NOW);
    assertThatThrownBy(() -> users.insert(twin)).isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void tokenLastUsedTimeIsWrittenAtMostOncePerMinute() {
    UUID owner = users.findByUsername("admin").orElseThrow().id();
    ApiToken token = new ApiToken(UUID.randomUUID(), "t", UUID.randomUUID().toString().replace("-", ""), "cst_abc",
        Role.SCANNER, owner, NOW, NOW.plus(Duration.ofDays(1)), null, null);
    tokens.insert(token);
    tokens.touch(token.id(), NOW);
    tokens.touch(token.id(), NOW.plusSeconds(30));
    assertThat(tokens.findById(token.id()).orElseThrow().lastUsedAt()).isEqualTo(NOW);
    tokens.touch(token.id(), NOW.plusSeconds(90));
    assertThat(tokens.findById(token.id()).orElseThrow().lastUsedAt()).isEqualTo(NOW.plusSeconds(90));
    tokens.revoke(token.id(), NOW.plusSeconds(100));
    tokens.revoke(token.id(), NOW.plusSeconds(200));
    ApiToken revoked = tokens.findByHash(token.tokenHash()).orElseThrow();
    assertThat(revoked.revokedAt()).as("first revocation time is kept").isEqualTo(NOW.plusSeconds(100));
    assertThat(revoked.expiresAt()).isEqualTo(token.expiresAt());
  }

  @Test
  void registriesRoundTripWithLongCertificates() {
    String pem = "-----BEGIN CERTIFICATE-----\n" + "A".repeat(60_000) + "\n-----END CERTIFICATE-----\n";
    Registry registry = new Registry(UUID.randomUUID(), "r-" + UUID.randomUUID(), RegistryType.HARBOR,
        "https://harbor.example", AuthKind.PASSWORD, "robot", "v1:abc", pem, true, "0 3 * * *", "v1:def", "dc-1",
        NOW, NOW, Map.of("project", "team-a", "apiUrl", "https://harbor.example/api=v2"));
    registries.insert(registry);
    assertThat(registries.findById(registry.id())).contains(registry);
    Registry renamed = new Registry(registry.id(), registry.name() + "-x", RegistryType.QUAY, "https://quay.io",
        AuthKind.NONE, null, null, null, false, null, null, null, NOW, NOW.plusSeconds(5), Map.of());
    registries.update(renamed);
    assertThat(registries.findById(registry.id())).contains(renamed);
    assertThat(registries.delete(registry.id())).isTrue();
    assertThat(registries.findById(registry.id())).isEmpty();
  }

  @Test
  void auditEventsComeNewestFirst() {
    String target = UUID.randomUUID().toString();
    for (int i = 0; i < 3; i++) {
      audit.insert(new AuditEvent(UUID.randomUUID(), NOW.plusSeconds(3600 + i), "user:admin", "test.event", "test",
          target, "n=" + i));
    }
    List<AuditEvent> page = audit.page(new PageRequest(0, 3));
    assertThat(page).extracting(AuditEvent::detail).containsExactly("n=2", "n=1", "n=0");
    assertThat(audit.count()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void concurrentClaimsNeverTakeTheSameJob() throws Exception {
    Instant future = NOW.plus(Duration.ofDays(365 * 100)); // beyond anything a live worker would claim
    UUID image = image();
    List<UUID> mine = List.of(job(image, future), job(image, future));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<ScanJob>> claims = List.of(
          pool.submit(() -> claimWithRetries("replica-a", future.plusSeconds(1))),
          pool.submit(() -> claimWithRetries("replica-b", future.plusSeconds(1))));
      List<ScanJob> claimed = new ArrayList<>();
      for (Future<ScanJob> claim : claims) {
        claimed.add(claim.get());
      }
      assertThat(claimed).extracting(ScanJob::id).containsExactlyInAnyOrderElementsOf(mine);
      assertThat(claimed).extracting(ScanJob::leaseOwner).containsExactlyInAnyOrder("replica-a", "replica-b");
      assertThat(claimed).allSatisfy(j -> {
        assertThat(j.state()).isEqualTo(ScanState.RUNNING);
        assertThat(j.attempts()).isEqualTo(1);
      });
    } finally {
      pool.shutdownNow();
    }
    assertThat(jobs.claim("replica-c", future.plusSeconds(1), future.plusSeconds(60))).isEmpty();
    assertThat(jobs.succeed(mine.get(0), "someone-else", future)).as("only the lease owner finishes").isFalse();
  }

  /**
   * H2 applies LIMIT before SKIP LOCKED: while another transaction holds the first row it may
   * answer nothing, and the worker polls again. PostgreSQL skips to the next row at once.
   */
  private ScanJob claimWithRetries(String owner, Instant now) throws InterruptedException {
    for (int i = 0; i < 50; i++) {
      Optional<ScanJob> job = jobs.claim(owner, now, now.plusSeconds(60));
      if (job.isPresent()) {
        return job.get();
      }
      Thread.sleep(10);
    }
    throw new AssertionError(owner + " claimed nothing in 50 polls");
  }

  @Test
  void anExpiredLeaseReturnsTheJobOrDeadLettersItOnTheLastAttempt() {
    Instant future = NOW.plus(Duration.ofDays(365 * 100));
    UUID image = image();
    UUID retried = job(image, future);
    ScanJob first = jobs.claim("killed-replica", future, future.plusSeconds(30)).orElseThrow();
    assertThat(first.id()).isEqualTo(retried);
    assertThat(jobs.releaseExpired(future.plusSeconds(10))).as("lease still valid").isZero();
    assertThat(jobs.releaseExpired(future.plusSeconds(31))).isEqualTo(1);
    assertThat(jobs.findById(retried).orElseThrow().state()).isEqualTo(ScanState.QUEUED);
    ScanJob second = jobs.claim("other-replica", future.plusSeconds(31), future.plusSeconds(60)).orElseThrow();
    assertThat(second.attempts()).isEqualTo(2);
    assertThat(jobs.heartbeat("other-replica", future.plusSeconds(50), future.plusSeconds(120))).isGreaterThanOrEqualTo(1);
    assertThat(jobs.releaseExpired(future.plusSeconds(100))).as("heartbeat extended the lease").isZero();
    assertThat(jobs.releaseExpired(future.plusSeconds(121))).isEqualTo(1);
    ScanJob dead = jobs.findById(retried).orElseThrow();
    assertThat(dead.state()).as("max attempts 2 used up").isEqualTo(ScanState.DEAD);
    assertThat(dead.lastError()).contains("lease expired");
  }

  @Test
  void oneScanPerDigestAtATime() {
    String digest = "sha256:" + UUID.randomUUID().toString().replace("-", "");
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    assertThat(locks.tryAcquire(digest, a, NOW, NOW.plusSeconds(60))).isTrue();
    assertThat(locks.tryAcquire(digest, b, NOW.plusSeconds(1), NOW.plusSeconds(61))).isFalse();
    assertThat(locks.tryAcquire(digest, b, NOW.plusSeconds(61), NOW.plusSeconds(121)))
        .as("an expired lock is taken over").isTrue();
    locks.release(b);
    assertThat(locks.tryAcquire(digest, a, NOW.plusSeconds(62), NOW.plusSeconds(122))).isTrue();
    locks.release(a);
  }

  @Test
  void layerCacheSharesAnalysesAndReplacesEntries() {
    Digest diffId = Digest.parse("sha256:" + "ab".repeat(32));
    String key = "key-" + UUID.randomUUID();
    assertThat(layerCache.get(diffId, key)).isEmpty();
    LayerAnalysis analysis = new LayerAnalysis(diffId, key, List.of(), List.of("etc/os-release"), List.of("opt/.wh.x"),
        List.of(), List.of(), List.of(), List.of(), true);
    layerCache.put(analysis);
    layerCache.put(analysis);
    assertThat(layerCache.get(diffId, key)).contains(analysis);
    assertThat(layerCache.get(diffId, key + "-other")).isEmpty();
  }

  @Test
  void imagesArePagedAndFilteredByRepository() {
    UUID id = image();
    RegisteredImage image = images.findById(id).orElseThrow();
    ImageFilter byRepository = new ImageFilter(null, image.repository(), null, null, null, null, null);
    assertThat(images.page(byRepository, new PageRequest(0, 10))).containsExactly(image);
    assertThat(images.count(byRepository)).isEqualTo(1);
    assertThat(images.count(ImageFilter.NONE)).isGreaterThanOrEqualTo(1);
    assertThat(images.find(image.reference(), "linux/amd64")).contains(image);
    images.updateDigest(id, "sha256:" + "0".repeat(64));
    assertThat(images.findById(id).orElseThrow().digest()).isEqualTo("sha256:" + "0".repeat(64));
    assertThat(jobs.page(ScanState.CANCELLED, new PageRequest(0, 1))).allMatch(j -> j.state() == ScanState.CANCELLED);
    assertThat(images.delete(id)).isTrue();
  }

  @Test
  void deleteEventsMarkImagesByTagDigestOrRepository() {
    Registry registry = registry();
    UUID tagged = UUID.randomUUID();
    images.insert(new RegisteredImage(tagged, registry.id(), "registry.example/gone/app:1", "registry.example",
        "gone/app", "1", "sha256:" + "1".repeat(64), "linux/amd64", "webhook", NOW, null));
    assertThat(images.markDeleted(registry.id(), "gone/app", "2", null, NOW)).isZero();
    assertThat(images.markDeleted(registry.id(), "gone/app", null, "sha256:" + "1".repeat(64), NOW)).isEqualTo(1);
    assertThat(images.findById(tagged).orElseThrow().deletedAt()).isEqualTo(NOW);
    images.clearDeleted(tagged);
    assertThat(images.markDeleted(registry.id(), "gone/app", null, null, NOW)).isEqualTo(1);
    assertThat(registries.delete(registry.id())).isTrue();
  }

  @Test
  void pullSettingsRoundTripAndOnlyOneOwnerHoldsTheLease() {
    Registry registry = registry();
    assertThat(pulls.settings(registry.id())).isEqualTo(PullSettings.defaults(registry.id()));
    PullSettings changed = new PullSettings(registry.id(), "0 30 2 * * *", List.of("team/**"), List.of("team/old"),
        List.of(), List.of("*-rc"), 5, 100, 30, null);
    pulls.update(changed);
    assertThat(pulls.settings(registry.id())).isEqualTo(changed);

    assertThat(pulls.tryLease(registry.id(), "a", NOW, NOW.plusSeconds(60))).isTrue();
    assertThat(pulls.tryLease(registry.id(), "b", NOW.plusSeconds(1), NOW.plusSeconds(61))).isFalse();
    assertThat(pulls.tryLease(registry.id(), "b", NOW.plusSeconds(61), NOW.plusSeconds(121))).as("expired").isTrue();
    pulls.finish(registry.id(), "b", "team/x");
    assertThat(pulls.settings(registry.id()).resumeCursor()).isEqualTo("team/x");
    assertThat(pulls.tryLease(registry.id(), "a", NOW, NOW.plusSeconds(60))).as("released").isTrue();

    PullReport report = new PullReport(UUID.randomUUID(), registry.id(), "manual", NOW, NOW.plusSeconds(3), 2, 1, 0,
        4, 3, 1, "team/x", List.of("team/y:1: manifest unknown"));
    pulls.insertReport(report);
    assertThat(pulls.reports(registry.id(), 10)).containsExactly(report);
    assertThat(registries.delete(registry.id())).isTrue();
  }

  @Test
  void clusterLeasesHaveOneOwnerAndFeedSyncRunsRoundTrip() {
    String lease = "contract-" + UUID.randomUUID();
    assertThat(leases.tryTake(lease, "a", NOW, NOW.plusSeconds(60))).isTrue();
    assertThat(leases.tryTake(lease, "b", NOW.plusSeconds(1), NOW.plusSeconds(61))).isFalse();
    assertThat(leases.tryTake(lease, "a", NOW.plusSeconds(1), NOW.plusSeconds(61))).as("not even its owner").isFalse();
    assertThat(leases.heldBy(lease, NOW.plusSeconds(30))).contains("a");
    assertThat(leases.renew(lease, "b", NOW.plusSeconds(90))).isFalse();
    assertThat(leases.renew(lease, "a", NOW.plusSeconds(90))).isTrue();
    assertThat(leases.tryTake(lease, "b", NOW.plusSeconds(61), NOW.plusSeconds(121))).as("renewed").isFalse();
    leases.release(lease, "a");
    assertThat(leases.heldBy(lease, NOW)).isEmpty();
    assertThat(leases.tryTake(lease, "b", NOW, NOW.plusSeconds(60))).as("released").isTrue();

    assertThat(leases.nextRunAt(lease)).isEmpty();
    leases.setNextRunAt(lease, NOW);
    assertThat(leases.advanceNextRunAt(lease, NOW, NOW.plusSeconds(3600))).isTrue();
    assertThat(leases.advanceNextRunAt(lease, NOW, NOW.plusSeconds(7200))).as("moved by another").isFalse();
    assertThat(leases.nextRunAt(lease)).contains(NOW.plusSeconds(3600));

    FeedSyncRun running = new FeedSyncRun(UUID.randomUUID(), "manual", "replica-1", NOW, null,
        FeedSyncRun.Outcome.RUNNING, null, null, List.of());
    feedSyncs.start(running);
    assertThat(feedSyncs.find(running.id())).contains(running);
    FeedSyncRun finished = new FeedSyncRun(running.id(), "manual", "replica-1", NOW, NOW.plusSeconds(5),
        FeedSyncRun.Outcome.FAILED, null, "x".repeat(5000), List.of(
            new FeedSyncRun.Feed("osv", "https://feeds.example/Go/all.zip", FeedSyncRun.FeedOutcome.NOT_MODIFIED, 304,
                0L, null, null, null),
            new FeedSyncRun.Feed("kev", "https://feeds.example/kev.json", FeedSyncRun.FeedOutcome.FAILED, 500, null,
                null, null, "GET https://feeds.example/kev.json: HTTP 500")));
    feedSyncs.finish(finished);
    FeedSyncRun read = feedSyncs.find(running.id()).orElseThrow();
    assertThat(read.error()).hasSize(4000).endsWith("...");
    assertThat(read.feeds()).isEqualTo(finished.feeds());
    assertThat(read.finishedAt()).isEqualTo(finished.finishedAt());
  }

  @Test
  void firstStartCreatedTheShippedPoliciesWithOnlyBaselineEnabled() {
    assertThat(policies.findByName("baseline")).get().satisfies(p -> {
      assertThat(p.enabled()).isTrue();
      assertThat(p.builtin()).isEqualTo("baseline");
      assertThat(p.document()).contains("kind: AssurancePolicy");
    });
    assertThat(policies.findByName("strict")).get().extracting(StoredPolicy::enabled).isEqualTo(false);
  }

  @Test
  void policiesAndExceptionsRoundTrip() {
    StoredPolicy policy = new StoredPolicy(UUID.randomUUID(), "p-" + UUID.randomUUID(), "d", "x".repeat(150_000),
        false, null, NOW, NOW);
    policies.insert(policy);
    assertThat(policies.findById(policy.id())).contains(policy);
    assertThat(policies.enabled()).doesNotContain(policy);
    StoredPolicy enabled = new StoredPolicy(policy.id(), policy.name(), "e", "doc", true, null, NOW, NOW.plusSeconds(1));
    policies.update(enabled);
    assertThat(policies.enabled()).contains(enabled);
    assertThatThrownBy(() -> policies.insert(new StoredPolicy(UUID.randomUUID(), policy.name(), "", "", true, null,
        NOW, NOW))).isInstanceOf(DuplicateKeyException.class);
    assertThat(policies.delete(policy.id())).isTrue();

    VulnerabilityException exception = new VulnerabilityException(UUID.randomUUID(), "CVE-2024-9143",
        "registry.example:5000", "team/**", "sha256:" + "2".repeat(64), "libcrypto3", "not reachable",
        "user:admin", LocalDate.of(2031, 2, 28), NOW, NOW);
    exceptions.insert(exception);
    assertThat(exceptions.findById(exception.id())).contains(exception);
    VulnerabilityException open = new VulnerabilityException(exception.id(), "CVE-2024-9143", null, null, null, null,
        "changed", "user:admin", null, NOW, NOW.plusSeconds(2));
    exceptions.update(open);
    assertThat(exceptions.findById(exception.id())).contains(open);
    assertThat(exceptions.delete(exception.id())).isTrue();
  }

  @Test
  void judgementsRoundTripAndImagesFilterOnThem() {
    UUID image = image();
    UUID job = job(image, NOW);
    jobs.cancel(job, NOW); // not claimable: other tests claim every due job
    results.insert(job, image, "sha256:" + "3".repeat(64), 1, 0, new byte[] {1}, NOW);
    String repository = images.findById(image).orElseThrow().repository();
    UUID start = new UUID(0, 0);
    assertThat(judgements.stale("bundle-a", "revision-a", start, 100_000)).as("never judged").contains(image);

    StoredFinding high = new StoredFinding(new VulnerabilityView("CVE-2099-0001", List.of("GHSA-aaaa-bbbb-cccc",
        "DSA-1"), "libx", Ecosystem.DEB, "1.0-1", "pkg:deb/debian/libx@1.0-1", Optional.of(Digest.parse("sha256:"
        + "4".repeat(64))), SeverityLevel.HIGH, Optional.of(7.5), Optional.empty(), List.of("1.0-2", "1.1"),
        VulnerabilityView.FixStatus.FIXED, true, Optional.of(0.25), Optional.of(LocalDate.of(2099, 1, 2)),
        Optional.empty()), "A title");
    StoredFinding low = new StoredFinding(new VulnerabilityView("CVE-2099-0002", List.of(), "liby", Ecosystem.NPM,
        "2", null, Optional.empty(), SeverityLevel.LOW, Optional.empty(), Optional.empty(), List.of(),
        VulnerabilityView.FixStatus.UNFIXED, false, Optional.empty(), Optional.empty(), Optional.empty()), "");
    BundleMetadata bundle = new BundleMetadata(1, NOW, "bundle-a", List.of(), Map.of());
    Judgement judgement = new Judgement(Judgement.NON_COMPLIANT, List.of(high, low), Optional.empty(),
        Optional.of(bundle), Optional.of(true), List.of("p1", "p2"), "revision-a", NOW);
    Boolean recorded = transactions.execute(s -> recorder.record(image, job, NOW, judgement));
    assertThat(recorded).isTrue();

    assertThat(judgements.findings(job)).containsExactly(high, low);
    assertThat(judgements.basis(job)).contains(new JudgementRepository.Basis("bundle-a", NOW, Optional.of(true),
        List.of("p1", "p2"), "revision-a"));
    assertThat(judgements.current(image)).get().extracting(JudgementRepository.Current::verdict)
        .isEqualTo(Judgement.NON_COMPLIANT);
    assertThat(judgements.stale("bundle-a", "revision-a", start, 100_000)).as("current").doesNotContain(image);
    assertThat(judgements.stale("bundle-b", "revision-a", start, 100_000)).as("other bundle").contains(image);
    assertThat(judgements.stale("bundle-a", "revision-b", start, 100_000)).as("other policies").contains(image);

    assertThat(images.count(filter(repository, false, SeverityLevel.HIGH, true, "ghsa-aaaa-bbbb-cccc", NOW)))
        .isEqualTo(1);
    assertThat(images.count(filter(repository, null, null, null, "CVE-2099-0002", null))).isEqualTo(1);
    assertThat(images.count(filter(repository, true, null, null, null, null))).as("not compliant").isZero();
    assertThat(images.count(filter(repository, null, SeverityLevel.CRITICAL, null, null, null))).isZero();
    assertThat(images.count(filter(repository, null, null, false, null, null))).as("one has a fix").isZero();
    assertThat(images.count(filter(repository, null, null, null, "GHSA-aaaa", null))).as("whole ids only").isZero();
    assertThat(images.count(filter(repository, null, null, null, null, NOW.plusSeconds(1)))).isZero();
    assertThat(images.page(filter(repository, false, SeverityLevel.LOW, true, "DSA-1", NOW.minusSeconds(1)),
        new PageRequest(0, 10))).extracting(RegisteredImage::id).containsExactly(image);
    assertThat(judgements.countByVerdict(Judgement.NON_COMPLIANT)).isPositive();

    Assessment failing = assessment(ControlResult.Outcome.FAIL);
    failures.update(image, failing, NOW);
    failures.update(image, failing, NOW.plusSeconds(60));
    assertThat(failures.of(image).firstFailed("p", "controls[0] rootUser")).as("the streak's start is kept")
        .contains(NOW);
    failures.update(image, assessment(ControlResult.Outcome.PASS), NOW.plusSeconds(120));
    assertThat(failures.of(image).firstFailed("p", "controls[0] rootUser")).isEmpty();
    failures.update(image, failing, NOW.plusSeconds(180));
    failures.update(image, new Assessment(true, List.of(), List.of(), List.of()), NOW.plusSeconds(240));
    assertThat(failures.of(image).firstFailed("p", "controls[0] rootUser")).as("policy no longer judged").isEmpty();
    assertThat(images.delete(image)).isTrue();
    assertThat(judgements.current(image)).isEmpty();
  }

  private static Assessment assessment(ControlResult.Outcome outcome) {
    ControlResult result = new ControlResult(outcome, List.of("r"), List.of());
    ControlAssessment control = new ControlAssessment("controls[0] rootUser", "e", PolicyAction.BLOCK, result,
        outcome == ControlResult.Outcome.PASS ? Verdict.PASS : Verdict.BLOCK, "");
    return new Assessment(outcome == ControlResult.Outcome.PASS, List.of(new PolicyAssessment("p", "server:p",
        PolicyAction.BLOCK, true, List.of(control), List.of(), List.of())), List.of(), List.of());
  }

  private static ImageFilter filter(String repository, Boolean compliant, SeverityLevel severity, Boolean fix,
      String vulnerability, Instant since) {
    return new ImageFilter(null, repository, compliant, severity, fix, vulnerability, since);
  }

  private Registry registry() {
    Registry registry = new Registry(UUID.randomUUID(), "r-" + UUID.randomUUID(), RegistryType.GENERIC,
        "https://registry.example", AuthKind.NONE, null, null, null, false, null, null, null, NOW, NOW, null);
    registries.insert(registry);
    return registry;
  }

  private UUID image() {
    UUID id = UUID.randomUUID();
    images.insert(new RegisteredImage(id, null, "registry.example/contract/" + id + ":1", "registry.example",
        "contract/" + id, "1", null, "linux/amd64", "api", NOW, null));
    return id;
  }

  private UUID job(UUID image, Instant runAfter) {
    ScanJob job = new ScanJob(UUID.randomUUID(), image, ScanState.QUEUED, 0, 2, runAfter, null, null, null, null,
        null, NOW, null, null);
    jobs.insert(job);
    return job.id();
  }

  @Test
  void aFirstStartStepRunsOnceAndAFailedStepIsRetried() {
    String name = "step-" + UUID.randomUUID();
    AtomicInteger runs = new AtomicInteger();
    assertThatThrownBy(() -> steps.runOnce(name, () -> {
      runs.incrementAndGet();
      throw new IllegalStateException("boom");
    })).hasMessage("boom");
    assertThat(steps.runOnce(name, runs::incrementAndGet)).isTrue();
    assertThat(steps.runOnce(name, runs::incrementAndGet)).isFalse();
    assertThat(runs).hasValue(2);
  }

  @Test
  void notificationDeliveriesAreClaimedOnceRetriedAndFiltered() throws Exception {
    Subscription s = new Subscription(UUID.randomUUID(), "sub-" + UUID.randomUUID(), ChannelType.WEBHOOK,
        "https://hooks.example.com/x", null, java.util.Set.of(NotificationEvent.SCAN_FAILED,
        NotificationEvent.FEED_STALE), null, List.of("team-a/*", "team-b/**"), true, NOW, NOW);
    subscriptions.insert(s);
    assertThat(subscriptions.findById(s.id())).contains(s);
    // Due a day from now, so that the running server's own delivery worker never takes them.
    Instant later = NOW.plus(Duration.ofDays(1));
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Delivery d = new Delivery(UUID.randomUUID(), s.id(), NotificationEvent.SCAN_FAILED, "t" + i, "{}",
          DeliveryState.PENDING, 0, later, null, null, NOW.plusMillis(i), null);
      deliveries.insert(d);
      ids.add(d.id());
    }
    ExecutorService pool = Executors.newFixedThreadPool(3);
    List<Future<List<UUID>>> claims = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      String owner = "owner-" + t;
      claims.add(pool.submit(() -> {
        List<UUID> mine = new ArrayList<>();
        for (Optional<Delivery> d = deliveries.claim(owner, later, later.plusSeconds(60)); d.isPresent();
            d = deliveries.claim(owner, later, later.plusSeconds(60))) {
          mine.add(d.get().id());
        }
        return mine;
      }));
    }
    List<UUID> claimed = new ArrayList<>();
    for (Future<List<UUID>> c : claims) {
      claimed.addAll(c.get());
    }
    pool.shutdown();
    assertThat(claimed).containsExactlyInAnyOrderElementsOf(ids);

    deliveries.delivered(ids.get(0), 204, NOW);
    deliveries.failed(ids.get(1), "answered 400", 400);
    deliveries.retry(ids.get(2), "answered 503", 503, later.plusSeconds(30));
    assertThat(deliveries.releaseExpired(later.plusSeconds(61))).isEqualTo(3);
    assertThat(deliveries.findById(ids.get(0)).orElseThrow().deliveredAt()).isEqualTo(NOW);
    Delivery failed = deliveries.findById(ids.get(1)).orElseThrow();
    assertThat(failed.state()).isEqualTo(DeliveryState.FAILED);
    assertThat(failed.lastStatus()).isEqualTo(400);
    assertThat(deliveries.count(DeliveryState.PENDING, s.id())).isEqualTo(4);
    assertThat(deliveries.count(null, s.id())).isEqualTo(6);
    assertThat(deliveries.page(DeliveryState.FAILED, null, new PageRequest(0, 500))).extracting(Delivery::id)
        .contains(ids.get(1));
    assertThat(deliveries.requeue(ids.get(1), later)).isTrue();
    assertThat(deliveries.requeue(ids.get(0), later)).as("only FAILED ones").isFalse();
    assertThat(subscriptions.delete(s.id())).isTrue();
    assertThat(deliveries.findById(ids.get(2))).as("deliveries go with their subscription").isEmpty();
  }

  @Test
  void maintenanceSettingsLeasesRunsAndCandidates() {
    MaintenanceSettings before = maintenance.settings();
    MaintenanceSettings changed = new MaintenanceSettings("0 0 2 * * SUN", new CleanupRules("0 4 * * *", false, 30, 5));
    maintenance.save(changed);
    assertThat(maintenance.settings()).isEqualTo(changed);
    maintenance.save(before);

    String task = "rescan:registry:" + UUID.randomUUID();
    assertThat(maintenance.nextRunAt(task)).isEmpty();
    assertThat(maintenance.tryLease(task, "a", NOW, NOW.plusSeconds(60))).isTrue();
    assertThat(maintenance.tryLease(task, "b", NOW.plusSeconds(1), NOW.plusSeconds(60))).isFalse();
    maintenance.setNextRunAt(task, NOW.plusSeconds(3600));
    assertThat(maintenance.nextRunAt(task)).contains(NOW.plusSeconds(3600));
    maintenance.releaseLease(task, "a");
    assertThat(maintenance.tryLease(task, "b", NOW, NOW.plusSeconds(60))).isTrue();

    Registry registry = new Registry(UUID.randomUUID(), "maint-" + UUID.randomUUID(), RegistryType.GENERIC,
        "https://maint.example", AuthKind.NONE, null, null, null, false, null, null, null, NOW, NOW, Map.of());
    registries.insert(registry);
    UUID scanned = UUID.randomUUID();
    UUID stale = UUID.randomUUID();
    for (UUID id : List.of(scanned, stale)) {
      images.insert(new RegisteredImage(id, registry.id(), "maint.example/app/" + id + ":1", "maint.example",
          "app/" + id, "1", null, "linux/amd64", "pull", NOW, null));
    }
    job(scanned, NOW);
    assertThat(maintenance.rescanCandidates(registry.id(), NOW.minusSeconds(60))).containsExactly(stale);
    assertThat(maintenance.rescanCandidates(null, NOW.minusSeconds(60))).contains(stale).doesNotContain(scanned);
    assertThat(maintenance.liveImages(registry.id())).isEqualTo(2);
    assertThat(maintenance.cleanupCandidates()).filteredOn(c -> c.registryId().equals(registry.id()))
        .extracting(MaintenanceRepository.CleanupCandidate::lastSeenAt).containsOnly(NOW);

    MaintenanceRun run = new MaintenanceRun(UUID.randomUUID(), task, "manual", true, NOW, NOW.plusSeconds(1), 1, 2,
        List.of("maint.example/app:1: deleted from its registry"));
    maintenance.insertRun(run);
    assertThat(maintenance.runs(new PageRequest(0, 500))).contains(run);
    images.delete(scanned); // with its queued job, which other tests' claims must not see
    images.delete(stale);
    assertThat(registries.delete(registry.id())).isTrue();
  }
}

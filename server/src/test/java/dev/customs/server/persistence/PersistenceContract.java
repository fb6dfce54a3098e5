package dev.customs.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customs.server.audit.AuditEvent;
import dev.customs.server.audit.AuditRepository;
import dev.customs.server.common.FirstStartSteps;
import dev.customs.server.common.PageRequest;
import dev.customs.server.identity.ApiToken;
import dev.customs.server.identity.ApiTokenRepository;
import dev.customs.server.identity.Role;
import dev.customs.server.identity.UserAccount;
import dev.customs.server.identity.UserRepository;
import dev.customs.server.registries.AuthKind;
import dev.customs.server.registries.Registry;
import dev.customs.server.registries.RegistryRepository;
import dev.customs.server.registries.RegistryType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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

  @Test
  void everyMigrationApplied() {
    List<String> versions = jdbc.sql("select version from flyway_schema_history where success = true "
        + "and version is not null order by installed_rank").query(String.class).list();
    assertThat(versions).containsExactly("1", "2");
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
        NOW, NOW);
    registries.insert(registry);
    assertThat(registries.findById(registry.id())).contains(registry);
    Registry renamed = new Registry(registry.id(), registry.name() + "-x", RegistryType.QUAY, "https://quay.io",
        AuthKind.NONE, null, null, null, false, null, null, null, NOW, NOW.plusSeconds(5));
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
}

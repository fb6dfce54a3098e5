package dev.customs.server.persistence;

import dev.customs.server.ServerTest;
import dev.customs.server.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link PersistenceContract} on the real PostgreSQL at 127.0.0.1:5432, in a database of its own
 * that is created for this run and dropped afterwards, so parallel runs never collide.
 */
@SpringBootTest(properties = {
    "customs.secret-key=" + ServerTest.SECRET_KEY,
    "customs.admin-password=" + ServerTest.ADMIN_PASSWORD,
    "customs.home=target/test-home",
    "customs.scanning.workers=0",
    "customs.feeds.schedule=-"})
class PostgresPersistenceTest extends PersistenceContract {
  private static final TestPostgres DATABASE = TestPostgres.createDatabase();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::url);
    registry.add("spring.datasource.username", DATABASE::user);
    registry.add("spring.datasource.password", () -> "");
  }

  @AfterAll
  static void dropDatabase() {
    DATABASE.drop();
  }
}

package dev.customs.server;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The one H2-backed application context that all API tests share (Spring caches it across
 * classes because every class declares exactly these properties). Tests therefore share a database:
 * they create uniquely named objects and never assume a table is empty.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:customs-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
    "customs.secret-key=" + ServerTest.SECRET_KEY,
    "customs.admin-password=" + ServerTest.ADMIN_PASSWORD,
    "customs.home=target/test-home",
    "customs.scanning.poll-interval=100ms",
    "customs.scanning.heartbeat=500ms",
    "customs.scanning.lease=5s",
    "customs.scanning.max-attempts=2",
    "customs.scanning.retry-backoff=200ms",
    "customs.scanning.platforms=linux/amd64,linux/arm64",
    "customs.notifications.poll-interval=200ms",
    "customs.notifications.retry-backoff=200ms",
    "customs.notifications.max-attempts=4",
    "customs.feeds.schedule=-",
    "customs.feeds.sources="})
@AutoConfigureMockMvc
public @interface ServerTest {
  String SECRET_KEY = "q6o9JmYv0fGzJ0Kf3xgk1Bq0m2S3g3b0ZQ9aH8c7d6E=";
  String ADMIN_PASSWORD = "test-admin-password";
}

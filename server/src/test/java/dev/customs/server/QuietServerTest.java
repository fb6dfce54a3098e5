package dev.customs.server;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * A second shared context, for tests that register many images or run server-wide maintenance:
 * its own database, no scan workers (queued jobs stay queued and can be counted, and nothing scans
 * hundreds of images by the way), and a fast maintenance tick. Keeps such tests from disturbing the
 * {@link ServerTest} context's tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:customs-quiet;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
    "customs.secret-key=" + ServerTest.SECRET_KEY,
    "customs.admin-password=" + ServerTest.ADMIN_PASSWORD,
    "customs.home=target/test-home-quiet",
    "customs.scanning.workers=0",
    "customs.maintenance.tick=200ms",
    "customs.feeds.schedule=-",
    "customs.feeds.sources="})
@AutoConfigureMockMvc
public @interface QuietServerTest {}

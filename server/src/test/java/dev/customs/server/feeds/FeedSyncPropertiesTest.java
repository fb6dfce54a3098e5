package dev.customs.server.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customs.core.vuln.db.FeedSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The shipped defaults bind to valid feeds and schedule; mistakes in the settings are named. */
class FeedSyncPropertiesTest {
  @Test
  void theDefaultsAreThePublicFeedsEverySixHours() throws Exception {
    StandardEnvironment environment = new StandardEnvironment();
    new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
        .forEach(environment.getPropertySources()::addLast);

    FeedSyncProperties properties = Binder.get(environment).bind("customs.feeds", FeedSyncProperties.class)
        .get();

    assertThat(properties.scheduled()).isTrue();
    assertThat(properties.schedule()).isEqualTo("0 0 */6 * * *");
    List<FeedSpec> specs = properties.specs();
    assertThat(specs).extracting(FeedSpec::kind).containsOnly("osv", "nvd", "kev", "epss");
    assertThat(specs).filteredOn(s -> s.kind().equals("osv")).extracting(FeedSpec::location)
        .contains("https://osv-vulnerabilities.storage.googleapis.com/Debian/all.zip",
            "https://osv-vulnerabilities.storage.googleapis.com/Rocky%20Linux/all.zip")
        .allMatch(url -> url.endsWith("/all.zip"));
    assertThat(specs).extracting(FeedSpec::location).contains("https://services.nvd.nist.gov/rest/json/cves/2.0",
        "https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json",
        "https://epss.empiricalsecurity.com/epss_scores-current.csv.gz");
    assertThat(properties.nvdPageDelay()).isEqualTo(Duration.ofMillis(6500));
  }

  @Test
  void mistakesAreNamed() {
    assertThatThrownBy(() -> properties("0 0 * *", "kev=https://feeds.example/kev.json"))
        .hasMessageContaining("customs.feeds.schedule \"0 0 * *\" is not a cron expression");
    assertThatThrownBy(() -> properties("-", "cve=https://feeds.example/x.json"))
        .hasMessageContaining("unknown feed kind 'cve'").hasMessageContaining("osv, ");
    assertThatThrownBy(() -> properties("-", "osv=/srv/feeds/all.zip"))
        .hasMessageContaining("is not an http(s) URL").hasMessageContaining("POST /api/v1/db");
    assertThatThrownBy(() -> properties("-", "https://feeds.example/kev.json"))
        .hasMessageContaining("customs.feeds.sources: a feed is KIND=PATH_OR_URL");
    assertThatThrownBy(() -> new FeedSyncProperties("-", List.of("kev=https://f.example/k.json",
        "kev=https://f.example/k.json"), "", Duration.ZERO, Duration.ofSeconds(60), Duration.ofHours(3)))
        .hasMessageContaining("names a feed twice");
    assertThat(properties("-", " ").scheduled()).isFalse();
  }

  private static FeedSyncProperties properties(String schedule, String source) {
    return new FeedSyncProperties(schedule, List.of(source), "", Duration.ZERO, Duration.ofSeconds(60),
        Duration.ofHours(3));
  }
}

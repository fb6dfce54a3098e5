package dev.customs.server.feeds;

import dev.customs.server.common.ClusterLeases;
import dev.customs.server.common.CustomsProperties;
import dev.customs.server.vulndata.VulnerabilityData;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the feed sync: feed copies and builds live under {@code $CUSTOMS_HOME/feeds}, which replicas
 * share like the bundle itself.
 */
@Configuration(proxyBeanMethods = false)
public class FeedSyncConfig {
  @Bean
  FeedSync feedSync(FeedSyncRepository runs, ClusterLeases leases, VulnerabilityData data,
      FeedSyncProperties properties, CustomsProperties customs, Clock clock) {
    String replica = "feeds:" + ManagementFactory.getRuntimeMXBean().getPid() + ":"
        + UUID.randomUUID().toString().substring(0, 8);
    return new FeedSync(runs, leases, data, properties, customs.homeDir().resolve("feeds"), clock, replica);
  }

  @Bean
  FeedSyncScheduler feedSyncScheduler(FeedSync sync, FeedSyncProperties properties, ClusterLeases leases,
      VulnerabilityData data, Clock clock) {
    return new FeedSyncScheduler(sync, properties, leases, data, clock);
  }
}

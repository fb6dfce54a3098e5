package dev.customs.server.common;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for every timestamp the server writes, so tests can reason about time. */
@Configuration(proxyBeanMethods = false)
public class TimeConfig {
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}

package dev.customs.server.common;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Publishes {@code customs.home-dir}: the data directory ({@code customs.home}, from
 * {@code CUSTOMS_HOME}, default {@code ./data}) as an absolute path. The default H2 URL is built from
 * it because H2 refuses database paths that are implicitly relative, such as {@code data/customs}.
 */
public class CustomsHomeEnvironment implements EnvironmentPostProcessor {
  public static final String HOME_DIR = "customs.home-dir";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    String home = environment.getProperty("customs.home", "./data");
    Path absolute = Path.of(home).toAbsolutePath().normalize();
    environment.getPropertySources().addLast(new MapPropertySource("customsHome",
        Map.of(HOME_DIR, absolute.toString())));
  }
}

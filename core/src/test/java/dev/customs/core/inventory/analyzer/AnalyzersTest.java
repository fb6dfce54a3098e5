package dev.customs.core.inventory.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.core.inventory.LayerAnalyzer;
import org.junit.jupiter.api.Test;

class AnalyzersTest {
  @Test
  void withoutSecretsIsTheDefaultsLessTheSecretAnalyzer() {
    assertThat(Analyzers.withoutSecrets()).extracting(PackageAnalyzer::name)
        .containsExactlyElementsOf(Analyzers.defaults().stream().map(PackageAnalyzer::name)
            .filter(name -> !name.equals("secret")).toList());
  }

  @Test
  void layersCachedWithoutSecretsAreNeverServedToAScanThatLooksForThem() {
    assertThat(LayerAnalyzer.analyzersKey(Analyzers.withoutSecrets()))
        .isNotEqualTo(LayerAnalyzer.analyzersKey(Analyzers.defaults()));
  }
}

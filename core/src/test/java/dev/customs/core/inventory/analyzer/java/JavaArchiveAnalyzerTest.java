package dev.customs.core.inventory.analyzer.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.core.inventory.Package;
import dev.customs.core.inventory.analyzer.AnalyzerInputs;
import dev.customs.core.inventory.analyzer.RecordedAnalysis;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class JavaArchiveAnalyzerTest {
  private final JavaArchiveAnalyzer analyzer = new JavaArchiveAnalyzer();

  @ParameterizedTest(name = "{0} wanted: {1}")
  @CsvSource({
      "app/lib/log4j-core-2.14.1.jar, true", "srv/app.war, true", "srv/app.ear, true", "x/y.par, true",
      "x/y.sar, true", "var/jenkins/plugins/git.jpi, true", "var/jenkins/plugins/git.hpi, true",
      "app/LEGACY.JAR, true", "app/lib/readme.txt, false", "app/jar, false", "app/x.jar.sha1, false",
  })
  void wantsJavaArchivesByExtension(String path, boolean wanted) {
    assertThat(analyzer.wants(AnalyzerInputs.file(path, 10))).isEqualTo(wanted);
  }

  @Test
  void identifiesAnArchiveByItsPomProperties() throws Exception {
    byte[] jar = new JarBuilder().manifest("Implementation-Title: log4j-core", "Implementation-Version: 2.14.1")
        .pom("org.apache.logging.log4j", "log4j-core", "2.14.1").classes("org/apache/logging/log4j/core/Logger.class")
        .build();
    RecordedAnalysis sink = analyze("app/lib/log4j-core-2.14.1.jar", jar);
    assertThat(sink.problems).isEmpty();
    assertThat(sink.packages).singleElement().satisfies(p -> {
      assertThat(p.name()).isEqualTo("org.apache.logging.log4j:log4j-core");
      assertThat(p.version()).isEqualTo("2.14.1");
      assertThat(p.paths()).containsExactly("app/lib/log4j-core-2.14.1.jar");
      assertThat(p.properties()).containsEntry("identified-by", "pom.properties").containsEntry("sha1", sha1(jar));
    });
  }

  @Test
  void reportsEveryPomPropertiesOfAShadedJarAndDigestsOnlyTheArchiveItself() {
    byte[] jar = new JarBuilder().pom("com.google.guava", "guava", "31.1-jre").pom("com.example", "uber", "1.0")
        .pom("org.slf4j", "slf4j-api", "1.7.36").build();
    RecordedAnalysis sink = analyze("app/uber-1.0.jar", jar);
    assertThat(sink.triples()).containsExactly("maven\tcom.example:uber\t1.0",
        "maven\tcom.google.guava:guava\t31.1-jre", "maven\torg.slf4j:slf4j-api\t1.7.36");
    assertThat(sink.packages).filteredOn(p -> p.properties().containsKey("sha1"))
        .extracting(Package::name).containsExactly("com.example:uber");
  }

  @Test
  void identifiesAShadedJarWithoutItsOwnPomByItsManifest() {
    byte[] jar = new JarBuilder().manifest("Implementation-Title: service", "Implementation-Version: 2.0")
        .pom("com.google.guava", "guava", "31.1-jre").pom("org.slf4j", "slf4j-api", "1.7.36").build();
    RecordedAnalysis sink = analyze("app/service.jar", jar);
    assertThat(sink.triples()).containsExactly("maven\tcom.google.guava:guava\t31.1-jre",
        "maven\torg.slf4j:slf4j-api\t1.7.36", "maven\tservice\t2.0");
    assertThat(sink.packages.getLast().properties()).containsEntry("identified-by", "manifest");
  }

  /** The layout of org.jacoco.agent 0.8.12's jacocoagent.jar: the module name says which pom is the archive. */
  @Test
  void findsTheArchivesOwnPomByItsModuleName() {
    byte[] jar = new JarBuilder().manifest("Automatic-Module-Name: org.jacoco.agent.rt", "Implementation-Version: 0.8.12")
        .pom("org.jacoco", "org.jacoco.agent.rt", "0.8.12").pom("org.jacoco", "org.jacoco.core", "0.8.12").build();
    RecordedAnalysis sink = analyze("opt/jacocoagent.jar", jar);
    assertThat(sink.triples()).containsExactly(
        "maven\torg.jacoco:org.jacoco.agent.rt\t0.8.12", "maven\torg.jacoco:org.jacoco.core\t0.8.12");
    assertThat(sink.packages.getFirst().properties()).containsEntry("sha1", sha1(jar));
  }

  @Test
  void doesNotCountAManifestThatDescribesAnEmbeddedPomTwice() {
    byte[] jar = new JarBuilder().manifest("Implementation-Title: guava", "Implementation-Version: 31.1-jre")
        .pom("com.google.guava", "guava", "31.1-jre").pom("com.google.guava", "failureaccess", "1.0.1").build();
    assertThat(analyze("opt/bundle.jar", jar).triples()).containsExactly(
        "maven\tcom.google.guava:failureaccess\t1.0.1", "maven\tcom.google.guava:guava\t31.1-jre");
  }

  /** An archive without pom.properties, and what it should be identified as. */
  record ManifestCase(String label, String fileName, List<String> headers, List<String> classes, String name,
      String version, String identifiedBy, String groupFrom) {
    @Override
    public String toString() {
      return label;
    }
  }

  static Stream<ManifestCase> manifestCases() {
    return Stream.of(
        new ManifestCase("Spring: classes name the group", "spring-beans-5.3.17.jar",
            List.of("Implementation-Title: spring-beans", "Implementation-Version: 5.3.17"),
            List.of("org/springframework/beans/BeanUtils.class", "org/springframework/beans/factory/BeanFactory.class"),
            "org.springframework:spring-beans", "5.3.17", "manifest", "class-packages"),
        new ManifestCase("Spring: vendored classes", "spring-jcl-5.3.17.jar",
            List.of("Implementation-Title: spring-jcl", "Implementation-Version: 5.3.17"),
            List.of("org/apache/commons/logging/Log.class"), "spring-jcl", "5.3.17", "manifest", ""),
        new ManifestCase("OSGi symbolic name", "commons-text-1.9.jar",
            List.of("Implementation-Title: Apache Commons Text", "Implementation-Version: 1.9",
                "Bundle-SymbolicName: org.apache.commons.commons-text"),
            List.of("org/apache/commons/text/StringSubstitutor.class"),
            "org.apache.commons:commons-text", "1.9", "manifest", "Bundle-SymbolicName"),
        new ManifestCase("vendor id (flink-shaded-guava's layout)", "flink-shaded-guava-31.1-jre-17.0.jar",
            List.of("Implementation-Title: flink-shaded-guava-31", "Implementation-Version: 31.1-jre-17.0",
                "Implementation-Vendor-Id: org.apache.flink"),
            List.of("org/apache/flink/shaded/guava31/com/google/common/base/Ascii.class"),
            "org.apache.flink:flink-shaded-guava", "31.1-jre-17.0", "manifest", "Implementation-Vendor-Id"),
        new ManifestCase("placeholder version ignored", "widget-3.4.jar",
            List.of("Implementation-Version: ${project.version}"), List.of("com/widgets/Widget.class"),
            "com.widgets:widget", "3.4", "filename", "class-packages"),
        new ManifestCase("file name only", "foo-bar-1.2.3.jar", List.of("Created-By: hand"),
            List.of("com/acme/Util.class"), "foo-bar", "1.2.3", "filename", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("manifestCases")
  void identifiesAnArchiveWithoutPomFromManifestAndFileName(ManifestCase c) {
    byte[] jar = new JarBuilder().manifest(c.headers().toArray(String[]::new))
        .classes(c.classes().toArray(String[]::new)).build();
    RecordedAnalysis sink = analyze("app/lib/" + c.fileName(), jar);
    assertThat(sink.problems).isEmpty();
    assertThat(sink.packages).singleElement().satisfies(p -> {
      assertThat(p.name()).isEqualTo(c.name());
      assertThat(p.version()).isEqualTo(c.version());
      assertThat(p.properties()).containsEntry("identified-by", c.identifiedBy()).containsEntry("sha1", sha1(jar));
      assertThat(p.properties().getOrDefault("group-from", "")).isEqualTo(c.groupFrom());
    });
  }

  @Test
  void anArchiveThatNamesNoVersionIsNoPackageAndNoProblem() {
    RecordedAnalysis sink = analyze("app/app.jar", new JarBuilder().classes("Main.class").build());
    assertThat(sink.packages).isEmpty();
    assertThat(sink.problems).isEmpty();
  }

  @Test
  void readsStoredJarsNestedInASpringBootFatJar() {
    byte[] snakeyaml = new JarBuilder().pom("org.yaml", "snakeyaml", "1.26").build();
    byte[] springCore = new JarBuilder().manifest("Implementation-Title: spring-core", "Implementation-Version: 5.3.17")
        .classes("org/springframework/core/Ordered.class", "org/springframework/util/Assert.class").build();
    byte[] fat = new JarBuilder().pom("com.example.fixture", "fat-app", "1.0.0")
        .classes("org/springframework/boot/loader/JarLauncher.class")
        .stored("BOOT-INF/lib/snakeyaml-1.26.jar", snakeyaml).stored("BOOT-INF/lib/spring-core-5.3.17.jar", springCore)
        .build();
    RecordedAnalysis sink = analyze("app/fat-app.jar", fat);
    assertThat(sink.problems).isEmpty();
    assertThat(sink.packages).extracting(p -> p.name() + "@" + p.version() + " " + p.paths().getFirst()).containsExactly(
        "com.example.fixture:fat-app@1.0.0 app/fat-app.jar",
        "org.yaml:snakeyaml@1.26 app/fat-app.jar/BOOT-INF/lib/snakeyaml-1.26.jar",
        "org.springframework:spring-core@5.3.17 app/fat-app.jar/BOOT-INF/lib/spring-core-5.3.17.jar");
    assertThat(sink.packages.get(1).properties()).containsEntry("sha1", sha1(snakeyaml));
  }

  /** Spring Boot's "fully executable" jars start with a shell script; the central directory still finds the entries. */
  @Test
  void readsAnExecutableJarWithALaunchScriptInFront() {
    byte[] jar = new JarBuilder().pom("com.example", "svc", "2.0").build();
    byte[] script = "#!/bin/bash\nexec java -jar \"$0\" \"$@\"\n".repeat(50).getBytes();
    byte[] executable = new byte[script.length + jar.length];
    System.arraycopy(script, 0, executable, 0, script.length);
    System.arraycopy(jar, 0, executable, script.length, jar.length);
    RecordedAnalysis sink = analyze("srv/svc-2.0.jar", executable);
    assertThat(sink.problems).isEmpty();
    assertThat(sink.triples()).containsExactly("maven\tcom.example:svc\t2.0");
  }

  @Test
  void readsJarsInWarsInEars() {
    byte[] jar = new JarBuilder().pom("commons-io", "commons-io", "2.11.0").build();
    byte[] war = new JarBuilder().pom("com.example", "web", "1.0").deflated("WEB-INF/lib/commons-io-2.11.0.jar", jar).build();
    byte[] ear = new JarBuilder().deflated("web-1.0.war", war).build();
    RecordedAnalysis sink = analyze("srv/shop.ear", ear);
    assertThat(sink.packages).extracting(p -> p.paths().getFirst()).containsExactly(
        "srv/shop.ear/web-1.0.war", "srv/shop.ear/web-1.0.war/WEB-INF/lib/commons-io-2.11.0.jar");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"not a zip at all", "PK\u0003\u0004 truncated local header"})
  void aCorruptArchiveIsAProblemNamingIt(String content) {
    RecordedAnalysis sink = analyze("app/lib/broken-1.0.jar", content.getBytes());
    assertThat(sink.packages).isEmpty();
    assertThat(sink.problems).singleElement().asString().startsWith("app/lib/broken-1.0.jar: not a readable Java archive");
  }

  @Test
  void aTruncatedArchiveIsAProblem() {
    byte[] jar = new JarBuilder().pom("org.yaml", "snakeyaml", "1.26").classes("org/yaml/A.class").build();
    RecordedAnalysis sink = analyze("app/snakeyaml-1.26.jar", Arrays.copyOf(jar, jar.length / 2));
    assertThat(sink.problems).singleElement().asString().startsWith("app/snakeyaml-1.26.jar: not a readable Java archive");
  }

  @Test
  void aCorruptNestedArchiveIsAProblemAndItsSiblingsAreStillRead() {
    byte[] good = new JarBuilder().pom("org.yaml", "snakeyaml", "1.26").build();
    byte[] fat = new JarBuilder().stored("BOOT-INF/lib/bad-1.0.jar", "garbage".getBytes())
        .stored("BOOT-INF/lib/snakeyaml-1.26.jar", good).build();
    RecordedAnalysis sink = analyze("app/fat.jar", fat);
    assertThat(sink.triples()).containsExactly("maven\torg.yaml:snakeyaml\t1.26");
    assertThat(sink.problems).singleElement().asString().startsWith("app/fat.jar/BOOT-INF/lib/bad-1.0.jar: not a readable");
  }

  @Test
  void aMalformedPomPropertiesIsAProblemAndTheFileNameStillIdentifies() {
    byte[] jar = new JarBuilder().text("META-INF/maven/g/a/pom.properties", "groupId=g\nartifactId=\\uZZZZ\n").build();
    RecordedAnalysis sink = analyze("app/a-1.0.jar", jar);
    assertThat(sink.triples()).containsExactly("maven\ta\t1.0");
    assertThat(sink.problems).singleElement().asString()
        .startsWith("app/a-1.0.jar: META-INF/maven/g/a/pom.properties: malformed properties");
  }

  @Test
  @Timeout(20)
  void stopsAtTheNestingLimit() {
    byte[] archive = new JarBuilder().pom("g", "level10", "1").build();
    for (int level = 9; level >= 0; level--) {
      archive = new JarBuilder().pom("g", "level" + level, "1").stored("inner.jar", archive).build();
    }
    RecordedAnalysis sink = analyze("app/deep.jar", archive);
    assertThat(sink.triples()).containsExactly(
        "maven\tg:level0\t1", "maven\tg:level1\t1", "maven\tg:level2\t1", "maven\tg:level3\t1", "maven\tg:level4\t1");
    assertThat(sink.problems).singleElement().asString()
        .isEqualTo("app/deep.jar/inner.jar/inner.jar/inner.jar/inner.jar/inner.jar: archive nested deeper than 4 levels, not read");
  }

  @Test
  @Timeout(60)
  void aNestedArchiveInflatingBeyondItsLimitIsNotRead() {
    byte[] zeros = new byte[ArchiveBudget.MAX_NESTED_ARCHIVE_BYTES + 1];
    byte[] bomb = new JarBuilder().deflated("lib/huge-1.0.jar", zeros).pom("g", "outer", "1").build();
    assertThat(bomb.length).isLessThan(1024 * 1024);
    RecordedAnalysis sink = analyze("app/outer.jar", bomb);
    assertThat(sink.triples()).containsExactly("maven\tg:outer\t1");
    assertThat(sink.problems).singleElement().asString()
        .startsWith("app/outer.jar/lib/huge-1.0.jar: cannot read nested archive").contains("entry larger than");
  }

  @Test
  @Timeout(10)
  void aHugeNestedEntryNameIsNoHang() {
    String name = "lib/a" + "-1".repeat(30_000) + "!.jar";
    byte[] nested = new JarBuilder().classes("org/example/A.class").build();
    RecordedAnalysis sink = analyze("app/outer.jar", new JarBuilder().stored(name, nested).build());
    assertThat(sink.packages).isEmpty();
    assertThat(sink.problems).isEmpty();
  }

  private RecordedAnalysis analyze(String path, byte[] content) {
    RecordedAnalysis sink = new RecordedAnalysis();
    analyzer.analyze(AnalyzerInputs.of(path, content), sink);
    return sink;
  }

  private static String sha1(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

package dev.customs.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.customs.core.inventory.analyzer.npm.NpmPackageAnalyzer;
import dev.customs.core.inventory.cache.NoLayerCache;
import dev.customs.core.layer.ExtractionLimits;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fold of layers into the final filesystem, driven end to end through {@link InventoryScanner}. */
class ApplierTest {
  private final FakeAnalyzer db = new FakeAnalyzer("db", 1, "pkgdb");
  private final FakeAnalyzer os = new FakeAnalyzer("os", 1, "os-release");
  private final InventoryScanner scanner =
      new InventoryScanner(List.of(db, os), NoLayerCache.INSTANCE, ExtractionLimits.DEFAULT, 2);

  private Inventory scan(TestLayer... layers) {
    return scanner.scan(TestImage.of("app", layers));
  }

  private static List<String> names(Inventory inventory) {
    return inventory.packages().stream().map(p -> p.pkg().name() + "@" + p.pkg().version()).toList();
  }

  @Test
  void databaseRewrittenInALaterLayerReplacesTheEarlierOneAndKeepsIntroducingLayers() {
    TestLayer base = new TestLayer("base").file("var/lib/pkgdb", "pkg DEB a 1\npkg DEB b 1\npkg DEB c 1");
    TestLayer update = new TestLayer("update").file("var/lib/pkgdb", "pkg DEB a 1\npkg DEB b 2\npkg DEB d 1");

    Inventory inventory = scan(base, update);

    assertThat(inventory.packages()).extracting(p -> p.pkg().name(), p -> p.pkg().version(), InventoryPackage::layerDiffId)
        .containsExactly(
            tuple("a", "1", base.diffId()),
            tuple("b", "2", update.diffId()),
            tuple("d", "1", update.diffId()));
  }

  @Test
  void attributionSkipsLayersThatDoNotTouchTheDatabase() {
    TestLayer base = new TestLayer("base").file("var/lib/pkgdb", "pkg DEB a 1");
    TestLayer unrelated = new TestLayer("unrelated").file("etc/motd", "hello");
    TestLayer install = new TestLayer("install").file("var/lib/pkgdb", "pkg DEB a 1\npkg DEB b 1");

    Inventory inventory = scan(base, unrelated, install);

    assertThat(inventory.packages()).extracting(p -> p.pkg().name(), InventoryPackage::layerDiffId)
        .containsExactly(tuple("a", base.diffId()), tuple("b", install.diffId()));
  }

  @Test
  void aDatabaseDeletedAndWrittenAgainBreaksTheAttributionRun() {
    TestLayer base = new TestLayer("base").file("var/lib/pkgdb", "pkg DEB a 1");
    TestLayer delete = new TestLayer("delete").whiteout("var/lib/pkgdb");
    TestLayer again = new TestLayer("again").file("var/lib/pkgdb", "pkg DEB a 1");

    Inventory inventory = scan(base, delete, again);

    assertThat(inventory.packages()).extracting(InventoryPackage::layerDiffId).containsExactly(again.diffId());
  }

  @Test
  void whiteoutsDeleteThePathAndEverythingBelowIt() {
    TestLayer base = new TestLayer("base")
        .file("app/a/pkgdb", "pkg NPM left 1")
        .file("app/b/deep/pkgdb", "pkg NPM gone-with-dir 1")
        .file("app/c/pkgdb", "pkg NPM gone-file 1");
    TestLayer cleanup = new TestLayer("cleanup").whiteout("app/b").whiteout("app/c/pkgdb");

    assertThat(names(scan(base, cleanup))).containsExactly("left@1");
  }

  @Test
  void opaqueDirectoriesHideLowerChildrenButKeepTheirOwn() {
    TestLayer base = new TestLayer("base").file("opt/x/pkgdb", "pkg NPM lower 1").file("srv/pkgdb", "pkg NPM beside 1");
    TestLayer replace = new TestLayer("replace").dir("opt").opaque("opt").file("opt/y/pkgdb", "pkg NPM upper 1");

    assertThat(names(scan(base, replace))).containsExactly("beside@1", "upper@1");
  }

  @Test
  void aFileReplacedByOneNoAnalyzerWantsTakesItsPackagesAlong() {
    TestLayer base = new TestLayer("base").file("app/pkgdb", "pkg NPM old 1").file("lib/x/pkgdb", "pkg NPM dir 1");
    TestLayer upper = new TestLayer("upper").symlink("app/pkgdb", "/dev/null").file("lib/x", "now a file");

    assertThat(scan(base, upper).packages()).isEmpty();
  }

  @Test
  void filesWithoutParentDirectoryEntriesAreAnalyzed() {
    TestLayer layer = new TestLayer("no-parents").file("usr/local/lib/python3.11/site-packages/x/pkgdb", "pkg PYPI Flask 3.1.3");

    Inventory inventory = scan(layer);

    assertThat(inventory.packages()).extracting(InventoryPackage::purl).containsExactly("pkg:pypi/flask@3.1.3");
  }

  @Test
  void theLastCopyOfAPathInOneLayerWins() {
    TestLayer layer = new TestLayer("twice").file("pkgdb", "pkg NPM first 1").file("pkgdb", "pkg NPM second 1");

    assertThat(names(scan(layer))).containsExactly("second@1");
  }

  @Test
  void licenseHintsOfSurvivingFilesCompleteTheFinalPackage() {
    TestLayer base = new TestLayer("base")
        .file("var/lib/pkgdb", "pkg DEB zlib 1")
        .file("usr/share/doc/zlib/copyright.pkgdb", "license DEB zlib Zlib")
        .file("usr/share/doc/gone/copyright.pkgdb", "license DEB zlib GPL-2.0-only");
    TestLayer upper = new TestLayer("upper").whiteout("usr/share/doc/gone");

    assertThat(scan(base, upper).packages()).singleElement()
        .satisfies(p -> assertThat(p.pkg().licenses()).containsExactly("Zlib"));
  }

  @Test
  void theMostSpecificSurvivingOsReleaseWinsAndGivesOsPackagesTheirDistro() {
    TestLayer base = new TestLayer("base")
        .file("etc/os-release", "os debian 12 Debian GNU/Linux 12 (bookworm)")
        .file("etc/debian_version.os-release", "os debian 12.7")
        .file("var/lib/pkgdb", "pkg DEB openssl 3.0.22-1~deb12u2\npkg DEB passwd 1:4.13+dfsg1-1+deb12u2");

    Inventory inventory = scan(base);

    assertThat(inventory.os()).contains(new OsRelease("debian", "12.7", "Debian GNU/Linux 12 (bookworm)"));
    assertThat(inventory.packages()).extracting(InventoryPackage::purl).containsExactly(
        "pkg:deb/debian/openssl@3.0.22-1~deb12u2?arch=amd64&distro=debian-12.7",
        "pkg:deb/debian/passwd@4.13%2Bdfsg1-1%2Bdeb12u2?arch=amd64&distro=debian-12.7&epoch=1");
  }

  @Test
  void privilegedFilesAreKeptOnlyWhileTheySurvive() {
    TestLayer base = new TestLayer("base").file("usr/bin/su", "elf", 04755).file("usr/bin/wall", "elf", 02755)
        .file("usr/bin/ls", "elf", 0755);
    TestLayer upper = new TestLayer("upper").whiteout("usr/bin/wall");

    assertThat(scan(base, upper).privilegedFiles()).singleElement()
        .satisfies(f -> assertThat(f.path()).isEqualTo("usr/bin/su"))
        .satisfies(f -> assertThat(f.setuid()).isTrue());
  }

  @Test
  void imageFactsComeFromTheConfigWithoutEnvironmentValues() {
    ImageFacts facts = scan(new TestLayer("base")).image();

    assertThat(facts.user()).isEqualTo("app");
    assertThat(facts.envNames()).containsExactly("PATH", "API_TOKEN");
    assertThat(facts.exposedPorts()).containsExactly("8080/tcp");
    assertThat(facts.totalSize()).isEqualTo(1000);
    assertThat(facts.toString()).doesNotContain("s3cr3t");
  }

  @Test
  void aLockFileCountsOnlyUntilItsPackagesAreInstalledInALaterLayer() {
    InventoryScanner npm = new InventoryScanner(List.of(new NpmPackageAnalyzer()), NoLayerCache.INSTANCE);
    TestLayer lock = new TestLayer("lock").file("app/package-lock.json", """
        {"name":"app","version":"1.0.0","lockfileVersion":3,"packages":{
          "":{"name":"app","version":"1.0.0","dependencies":{"lodash":"4.17.15"}},
          "node_modules/lodash":{"version":"4.17.15"}}}""");
    TestLayer install = new TestLayer("install")
        .file("app/node_modules/lodash/package.json", "{\"name\":\"lodash\",\"version\":\"4.17.15\"}");

    List<InventoryPackage> lockOnly = npm.scan(TestImage.of("a", lock)).packages();
    List<InventoryPackage> installed = npm.scan(TestImage.of("a", lock, install)).packages();

    assertThat(lockOnly).extracting(p -> p.pkg().name() + " " + p.pkg().paths()).contains("lodash [app/package-lock.json]");
    assertThat(installed).filteredOn(p -> p.pkg().name().equals("lodash")).singleElement()
        .satisfies(p -> assertThat(p.pkg().paths()).containsExactly("app/node_modules/lodash/package.json"))
        .satisfies(p -> assertThat(p.layerDiffId()).isEqualTo(install.diffId()));
  }

  @Test
  void theUsersAreThoseOfTheTopmostSurvivingPasswd() {
    String base = "root:x:0:0:root:/root:/bin/bash\n# comment\nbroken line\nnobody:x:65534:65534::/nonexistent:/usr/sbin/nologin\n";
    TestLayer first = new TestLayer("base").file("etc/passwd", base);
    TestLayer adduser = new TestLayer("adduser").file("etc/passwd", base + "app:x:1000:1000::/home/app:/bin/sh\n");
    TestLayer remove = new TestLayer("remove").whiteout("etc/passwd");

    assertThat(scan(first, adduser).users()).extracting(UserAccount::name, UserAccount::uid)
        .containsExactly(tuple("root", 0L), tuple("nobody", 65534L), tuple("app", 1000L));
    assertThat(scan(first, adduser, remove).users()).isEmpty();
    assertThat(scan(first, new TestLayer("link").symlink("etc/passwd", "/run/passwd")).users()).isEmpty();
  }
}

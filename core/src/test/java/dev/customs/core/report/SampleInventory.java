package dev.customs.core.report;

import dev.customs.core.inventory.FakeAnalyzer;
import dev.customs.core.inventory.Inventory;
import dev.customs.core.inventory.InventoryScanner;
import dev.customs.core.inventory.TestImage;
import dev.customs.core.inventory.TestLayer;
import dev.customs.core.inventory.cache.NoLayerCache;
import dev.customs.core.layer.ExtractionLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A small but varied inventory (OS and language packages, licenses on and off the SPDX list, a secret). */
final class SampleInventory {
  static final SbomContext CONTEXT = new SbomContext("customs", "1.2.3", Instant.parse("2026-01-02T03:04:05Z"),
      UUID.fromString("00000000-0000-4000-8000-000000000001"));

  private SampleInventory() {}

  static Inventory inventory() {
    TestLayer base = new TestLayer("base")
        .file("etc/os-release", "os debian 12.7 Debian GNU/Linux 12 (bookworm)")
        .file("var/lib/dpkg/pkgdb", "pkg DEB openssl 3.0.22-1~deb12u2\npkg DEB passwd 1:4.13+dfsg1-1+deb12u2")
        .file("usr/share/doc/openssl/copyright.pkgdb", "license DEB openssl Apache-2.0")
        .file("usr/share/doc/passwd/copyright.pkgdb", "license DEB passwd GPL-2+")
        .file("usr/bin/passwd", "elf", 04755)
        .file("etc/passwd", "root:x:0:0:root:/root:/bin/bash\n");
    TestLayer app = new TestLayer("app")
        .file("app/lib/log4j-core.jar.pkgdb", "pkg MAVEN org.apache.logging.log4j:log4j-core 2.14.1")
        .file("app/node_modules/@babel/core/pkgdb", "pkg NPM @babel/core 7.24.0")
        .file("usr/share/doc/core/copyright.pkgdb", "license NPM @babel/core (MIT OR Apache-2.0)")
        .file("app/a/node_modules/ms/pkgdb", "pkg NPM ms 2.0.0")
        .file("app/b/node_modules/ms/pkgdb", "pkg NPM ms 2.0.0")
        .file("app/site-packages/Flask.pkgdb", "pkg PYPI Flask 3.1.3")
        .file("app/.env.pkgdb", "secret aws-access-key-id");
    InventoryScanner scanner = new InventoryScanner(
        List.of(new FakeAnalyzer("os", 1, "os-release"), new FakeAnalyzer("db", 1, "pkgdb")),
        NoLayerCache.INSTANCE, ExtractionLimits.DEFAULT, 1);
    return scanner.scan(TestImage.of("app", base, app));
  }

  static String write(SbomFormat format, Inventory inventory, SbomContext context) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    format.write(inventory, context, out);
    return out.toString(StandardCharsets.UTF_8);
  }
}

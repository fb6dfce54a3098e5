package dev.customs.core.vuln.match;

import dev.customs.core.vuln.db.VulnDb;
import dev.customs.testkit.TestVulnData;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExploreTest {
  @Test
  void print() throws Exception {
    try (VulnDb db = VulnDb.open(TestVulnData.sharedBundle())) {
      var inv = TestImages.inventory("debian12");
      for (int round = 0; round < 3; round++) {
        long t = System.nanoTime();
        int n = 0;
        Set<String> seen = new HashSet<>();
        for (var p : inv.packages()) {
          for (var q : new DebMatcher().queries(p, inv.os())) {
            if (seen.add(q.name())) {
              n += db.affecting(q.ecosystemKey(), q.name()).size();
            }
          }
        }
        long t2 = System.nanoTime();
        for (int i = 0; i < 78; i++) {
          db.details("CVE-2019-1010022");
        }
        long t3 = System.nanoTime();
        new VulnMatcher(db).match(inv);
        long t4 = System.nanoTime();
        System.out.println("== records " + n + " in " + (t2 - t) / 1_000_000 + " ms; 78 details " + (t3 - t2) / 1_000_000 + " ms; match " + (t4 - t3) / 1_000_000);
      }
    }
  }
}

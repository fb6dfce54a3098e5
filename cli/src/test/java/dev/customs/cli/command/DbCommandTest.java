package dev.customs.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.cli.CustomsCommand;
import dev.customs.cli.ExitCode;
import dev.customs.testkit.TestData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DbCommandTest {
  private static final String KEV = TestData.testdata("vulndata/kev").toString();
  private static final String EPSS = TestData.testdata("vulndata/epss").toString();

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void buildThenStatus() {
    Path db = dir.resolve("customs.db");
    assertThat(run("db", "build", "--feed", "kev=" + KEV, "--feed", "epss=" + EPSS, "--out", db.toString()))
        .as(err.toString()).isEqualTo(ExitCode.OK);
    assertThat(out.toString()).contains("kev                 1404 records      0 malformed")
        .contains("bundle written: " + db);

    assertThat(run("db", "status", "--db", db.toString())).isEqualTo(ExitCode.OK);
    assertThat(out.toString())
        .contains("schema version: 1")
        .contains("(0 days ago)")
        .contains("epss 64712").containsPattern("kev\\s+1404\\s+0\\s+2025-08-25T17:04:19.979600Z\\s+" + KEV)
        .containsPattern("epss\\s+64712\\s+0\\s+2021-04-14T00:00:00Z");
  }

  @Test
  void statusWithoutADatabaseExits3AndSaysHowToGetOne() {
    Path db = dir.resolve("none.db");
    assertThat(run("db", "status", "--db", db.toString())).isEqualTo(3);
    assertThat(err.toString()).contains("no vulnerability database at " + db)
        .contains("customs db build --feed KIND=PATH_OR_URL").contains("customs db import FILE");
  }

  @Test
  void importChecksTheChecksum() throws Exception {
    Path built = dir.resolve("built").resolve("customs.db");
    Path installed = dir.resolve("cache").resolve("customs.db");
    assertThat(run("db", "build", "--feed", "kev=" + KEV, "--out", built.toString())).isEqualTo(ExitCode.OK);

    assertThat(run("db", "import", built.toString(), "--db", installed.toString())).isEqualTo(ExitCode.OK);
    assertThat(out.toString()).contains("installed " + built + " as " + installed);

    Files.writeString(built.resolveSibling("customs.db.sha256"), "f".repeat(64) + "  customs.db\n");
    assertThat(run("db", "import", built.toString(), "--db", installed.toString())).isEqualTo(ExitCode.DB_UNAVAILABLE);
    assertThat(err.toString()).contains("customs db import: checksum mismatch for " + built);
  }

  @Test
  void badFeedArgumentsAreUsageErrorsAndFailedBuildsExit3() {
    assertThat(run("db", "build", "--feed", "kev", "--out", dir.resolve("x.db").toString())).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("a feed is KIND=PATH_OR_URL");

    assertThat(run("db", "build", "--feed", "nvd=" + dir.resolve("missing"), "--out", dir.resolve("x.db").toString()))
        .isEqualTo(ExitCode.DB_UNAVAILABLE);
    assertThat(err.toString()).contains("feed nvd (" + dir.resolve("missing") + ") failed");
    assertThat(dir.resolve("x.db")).doesNotExist();
  }

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    CommandLine cl = CustomsCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }
}

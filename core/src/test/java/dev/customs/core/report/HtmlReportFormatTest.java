package dev.customs.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.core.vuln.match.Finding;
import dev.customs.core.vuln.match.MatchResult;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The one-file HTML report of the real debian12-app scan judged by the baseline policy. */
class HtmlReportFormatTest {
  private static final String HOSTILE = "<img src=x onerror=\"alert('x')\">&";

  @Test
  void isOneSelfContainedPageWithoutScriptsOrExternalRequests() throws Exception {
    String html = JudgedScan.write("html", JudgedScan.app());

    assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>").endsWith("</body></html>\n");
    assertThat(html).doesNotContain("<script", "<link", "<img", "<iframe", "@import", "url(");
    assertThat(attributes(html, "src")).isEmpty();
    assertThat(attributes(html, "href")).isEmpty();
  }

  @Test
  void showsTheCountsTheVerdictAndTheFindingsGroupedByPackage() throws Exception {
    ScanResult app = JudgedScan.app();
    String html = JudgedScan.write("html", app);
    long critical = app.match().findings().stream().filter(f -> f.severity().level().name().equals("CRITICAL")).count();
    long packages = app.match().findings().stream().map(Finding::pkg).distinct().count();

    assertThat(html).contains("<tr><th>Findings</th><td>" + app.match().findings().size() + "</td></tr>");
    assertThat(html).contains("<th class=\"CRITICAL\">critical</th><td>" + critical + "</td>");
    assertThat(html).contains("<span id=\"verdict\" class=\"fail\">NOT COMPLIANT</span>");
    assertThat(html).contains("CVE-2021-44228 in org.apache.logging.log4j:log4j-core 2.14.1");
    assertThat(countOf(html, "<h3 class=\"package\">")).isEqualTo(packages);
    assertThat(html).contains("<h3 class=\"package\">org.apache.logging.log4j:log4j-core 2.14.1</h3>");
  }

  @Test
  void escapesEverythingThatComesFromTheImageOrTheFeeds() throws Exception {
    ScanResult app = JudgedScan.app();
    List<Finding> findings = new ArrayList<>(app.match().findings());
    Finding f = findings.get(0);
    findings.set(0, new Finding(f.id(), f.aliases(), f.pkg(), f.installedVersion(), f.fixedVersions(), f.status(),
        f.severity(), f.cvss(), f.kev(), f.epss(), f.published(), HOSTILE, f.description(), f.cwes(), f.references(),
        f.evidence()));
    MatchResult m = app.match();
    MatchResult hostile = new MatchResult(findings, m.distro(), m.database(), m.problems());
    String html = JudgedScan.write("html", new ScanResult(app.inventory(), hostile, app.assessment()));

    assertThat(html).doesNotContain(HOSTILE).doesNotContain("<img");
    assertThat(html).contains("&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;");
  }

  private static List<String> attributes(String html, String name) {
    Matcher m = Pattern.compile("\\s" + name + "\\s*=").matcher(html);
    List<String> found = new ArrayList<>();
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  private static long countOf(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1L;
  }
}

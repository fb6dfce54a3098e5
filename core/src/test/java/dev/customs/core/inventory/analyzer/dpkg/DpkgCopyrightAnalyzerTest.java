package dev.customs.core.inventory.analyzer.dpkg;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.core.inventory.analyzer.RecordedAnalysis;
import dev.customs.core.layer.EntryType;
import dev.customs.core.layer.LayerEntry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DpkgCopyrightAnalyzerTest {
  private final DpkgCopyrightAnalyzer analyzer = new DpkgCopyrightAnalyzer();

  private RecordedAnalysis analyze(String pkg, String text) throws IOException {
    return RecordedAnalysis.analyzeWanted(analyzer, "usr/share/doc/" + pkg + "/copyright", text.getBytes(UTF_8));
  }

  @Test
  void machineReadableFileGivesItsLicenseFields() throws IOException {
    RecordedAnalysis sink = analyze("perl-base", """
        Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
        Upstream-Name: perl

        Files: *
        Copyright: 1987-2023, Larry Wall et al.
        License: GPL-1+ or Artistic

        Files: regcomp.c
        License: REGCOMP, and GPL-1+ or Artistic

        Files: x.c
        License: BSD-3-clause and/or GPL-3+

        License: GPL-1+
         This program is free software; see /usr/share/common-licenses/GPL-1.
        """);

    assertThat(sink.problems).isEmpty();
    assertThat(sink.licenses).containsOnlyKeys("deb:perl-base");
    assertThat(sink.licenses.get("deb:perl-base"))
        .containsExactly("GPL-1.0-or-later", "Artistic-1.0", "REGCOMP", "BSD-3-clause and/or GPL-3+");
  }

  /**
   * Fields are found where a search for {@code (?im)^License\s*:[ \t]*(\S[^\r\n]*)} finds them,
   * whatever ends the lines: the analyzer only tries the pattern at line starts.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      CRLF and lower case         | Format: x\\r\\nlicense: A\\r\\nLicense: B\\r\\n
      lone CR                     | Format: x\\rLicense: A\\rLicense: B
      NEL and separators          | Format: x\\nFiles: y<NEL>License: A\\nFiles: z<LS>LICENSE : B<PS>License:\\tC
      not at a line start         | Format: x\\nFiles: *  License: A\\nLicense: B
      across lines                | Format: x\\nLicense\\n: A\\nLicense:   \\nLicense: B
      value eats a separator      | Format: x\\nLicense: A<LS>License: B\\nLicense: C
      no newline at the end       | Format: x\\nLicense: A
      """)
  void licenseFieldsAreFoundWhereALineAnchoredSearchFindsThem(String title, String escaped) throws IOException {
    String text = escaped.translateEscapes()
        .replace("<NEL>", "\u0085").replace("<LS>", "\u2028").replace("<PS>", "\u2029");
    List<String> expected = new ArrayList<>();
    Matcher field = Pattern.compile("(?im)^License\\s*:[ \\t]*(\\S[^\\r\\n]*)").matcher(text);
    while (field.find()) {
      expected.add(field.group(1).strip());
    }

    RecordedAnalysis sink = analyze("edge", text);

    assertThat(expected).isNotEmpty();
    assertThat(sink.licenses.get("deb:edge")).containsExactlyElementsOf(expected);
  }

  @Test
  void otherFilesGiveTheCommonLicensesTheyReferTo() throws IOException {
    RecordedAnalysis sink = analyze("base-files", """
        This is the Debian prepackaged version of the Debian Base System.
        This program is free software; you can redistribute it and/or modify it under the terms
        of the GNU General Public License as published by the Free Software Foundation; either
        version 2, or (at your option) any later version.
        On Debian systems, the complete text of the GNU General Public License can be found in
        `/usr/share/common-licenses/GPL'. The Artistic License is in /usr/share/common-licenses/Artistic.
        """);

    assertThat(sink.licenses.get("deb:base-files")).containsExactly("GPL-3.0-or-later", "Artistic-1.0");
  }

  @ParameterizedTest(name = "[{0}]")
  @CsvSource(delimiter = '|', value = {
      "''",
      "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/",
      "no license mentioned at all",
      "\u0000\u0001\u00ff garbage"})
  void filesWithoutLicensesReportNothing(String text) throws IOException {
    RecordedAnalysis sink = analyze("foo", text);

    assertThat(sink.licenses).isEmpty();
    assertThat(sink.problems).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "GPL-2, GPL-2.0-only",
      "GPL-2+, GPL-2.0-or-later",
      "GPL-2.0+, GPL-2.0-or-later",
      "GPLv3, GPL-3.0-only",
      "LGPL-2.1+, LGPL-2.1-or-later",
      "lgpl-3, LGPL-3.0-only",
      "AGPL-3+, AGPL-3.0-or-later",
      "GFDL-1.3, GFDL-1.3-only",
      "Expat, MIT",
      "BSD-3-clause, BSD-3-Clause",
      "Apache-2, Apache-2.0",
      "Artistic, Artistic-1.0",
      "public-domain, public-domain",
      "GPL, GPL",
      "GPL-3+ with Bison exception, GPL-3+ with Bison exception"})
  void mapsDebianShortNamesToSpdx(String debian, String spdx) {
    assertThat(DebianLicenseNames.toSpdx(debian)).isEqualTo(spdx);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "usr/share/doc/libc6/copyright, true",
      "usr/share/doc/libc6/changelog.gz, false",
      "usr/share/doc/libc6/examples/copyright, false",
      "usr/local/share/doc/foo/copyright, false"})
  void wantsOnlyPackageCopyrightFiles(String path, boolean wanted) {
    assertThat(analyzer.wants(new LayerEntry(path, EntryType.FILE, 1, 0644, 0, 0, Optional.empty())))
        .isEqualTo(wanted);
  }
}

package dev.customs.core.inventory.analyzer.osrelease;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.core.inventory.OsRelease;
import dev.customs.core.inventory.analyzer.RecordedAnalysis;
import dev.customs.core.layer.EntryType;
import dev.customs.core.layer.LayerEntry;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Release files as the distributions ship them (first lines and key fields copied from real images). */
class OsReleaseAnalyzerTest {
  private final OsReleaseAnalyzer analyzer = new OsReleaseAnalyzer();

  private RecordedAnalysis analyze(String path, String text) throws IOException {
    return RecordedAnalysis.analyzeWanted(analyzer, path, text.replace("\\n", "\n").getBytes(UTF_8));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "debian os-release | usr/lib/os-release | PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\\nNAME=\"Debian GNU/Linux\"\\nVERSION_ID=\"12\"\\nID=debian | debian | 12 | Debian GNU/Linux 12 (bookworm)",
      "ubuntu os-release | etc/os-release | NAME=\"Ubuntu\"\\nVERSION_ID=\"22.04\"\\nID=ubuntu\\nID_LIKE=debian\\nPRETTY_NAME=\"Ubuntu 22.04.4 LTS\" | ubuntu | 22.04 | Ubuntu 22.04.4 LTS",
      "oracle os-release | etc/os-release | NAME=\"Oracle Linux Server\"\\nVERSION=\"8.9\"\\nID=\"ol\"\\nVERSION_ID=\"8.9\" | oracle | 8.9 | ''",
      "mariner os-release | etc/os-release | NAME=\"Common Base Linux Mariner\"\\nVERSION=\"2.0.20240123\"\\nID=mariner\\nVERSION_ID=\"2.0\" | cbl-mariner | 2.0 | ''",
      "azure linux os-release | etc/os-release | NAME=\"Microsoft Azure Linux\"\\nID=azurelinux\\nVERSION_ID=\"3.0\" | azurelinux | 3.0 | ''",
      "sles os-release | etc/os-release | NAME=\"SLES\"\\nVERSION_ID=\"15.5\"\\nID=\"sles\"\\nPRETTY_NAME=\"SUSE Linux Enterprise Server 15 SP5\" | sles | 15.5 | SUSE Linux Enterprise Server 15 SP5",
      "wolfi os-release | etc/os-release | ID=wolfi\\nNAME=\"Wolfi\"\\nPRETTY_NAME=\"Wolfi\"\\nVERSION_ID=\"20230201\" | wolfi | 20230201 | Wolfi",
      "single quotes and escapes | etc/os-release | # comment\\nID='arch'\\nPRETTY_NAME=\"Arch \\\"Linux\\\"\" | arch | '' | Arch \"Linux\"",
      "ubuntu lsb-release | etc/lsb-release | DISTRIB_ID=Ubuntu\\nDISTRIB_RELEASE=22.04\\nDISTRIB_CODENAME=jammy\\nDISTRIB_DESCRIPTION=\"Ubuntu 22.04.4 LTS\" | ubuntu | 22.04 | Ubuntu 22.04.4 LTS",
      "alpine-release | etc/alpine-release | 3.20.3\\n | alpine | 3.20.3 | ''",
      "debian_version | etc/debian_version | 12.7\\n | debian | 12.7 | ''",
      "debian testing | etc/debian_version | trixie/sid\\n | debian | trixie/sid | ''",
      "rhel | etc/redhat-release | Red Hat Enterprise Linux release 8.9 (Ootpa)\\n | rhel | 8.9 | Red Hat Enterprise Linux release 8.9 (Ootpa)",
      "centos | etc/centos-release | CentOS Linux release 7.9.2009 (Core)\\n | centos | 7.9.2009 | CentOS Linux release 7.9.2009 (Core)",
      "centos stream | etc/redhat-release | CentOS Stream release 9\\n | centos | 9 | CentOS Stream release 9",
      "rocky | etc/rocky-release | Rocky Linux release 9.4 (Blue Onyx)\\n | rocky | 9.4 | Rocky Linux release 9.4 (Blue Onyx)",
      "alma | etc/almalinux-release | AlmaLinux release 9.4 (Seafoam Ocelot)\\n | almalinux | 9.4 | AlmaLinux release 9.4 (Seafoam Ocelot)",
      "fedora | etc/fedora-release | Fedora release 40 (Forty)\\n | fedora | 40 | Fedora release 40 (Forty)",
      "amazon linux 2 | etc/system-release | Amazon Linux release 2 (Karoo)\\n | amzn | 2 | Amazon Linux release 2 (Karoo)",
      "amazon linux 2023 | etc/system-release | Amazon Linux release 2023.5.20240722 (Amazon Linux)\\n | amzn | 2023.5.20240722 | Amazon Linux release 2023.5.20240722 (Amazon Linux)",
      "amazon linux ami | etc/system-release | Amazon Linux AMI release 2018.03\\n | amzn | 2018.03 | Amazon Linux AMI release 2018.03",
      "oracle | etc/oracle-release | Oracle Linux Server release 7.9\\n | oracle | 7.9 | Oracle Linux Server release 7.9",
      "mariner | etc/mariner-release | CBL-Mariner 2.0.20230126\\nMARINER_BUILD_NUMBER=5b1ab5b | cbl-mariner | 2.0.20230126 | CBL-Mariner 2.0.20230126",
      "azure linux | etc/azurelinux-release | Microsoft Azure Linux 3.0.20240727\\n | azurelinux | 3.0.20240727 | Microsoft Azure Linux 3.0.20240727",
      "photon | etc/photon-release | VMware Photon OS 4.0\\nPHOTON_BUILD_NUMBER=1526e30 | photon | 4.0 | VMware Photon OS 4.0",
      "sles 12 | etc/SuSE-release | SUSE Linux Enterprise Server 12 (x86_64)\\nVERSION = 12\\nPATCHLEVEL = 3 | sles | 12.3 | SUSE Linux Enterprise Server 12 (x86_64)",
      "opensuse 42 | etc/SuSE-release | openSUSE 42.3 (x86_64)\\nVERSION = 42.3\\nCODENAME = Malachite | opensuse-leap | 42.3 | openSUSE 42.3 (x86_64)"})
  void readsEachReleaseFile(String name, String path, String text, String family, String version, String pretty) throws IOException {
    RecordedAnalysis sink = analyze(path, text);

    assertThat(sink.problems).isEmpty();
    assertThat(sink.osReleases).containsExactly(new OsRelease(family, version, pretty));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "empty os-release | etc/os-release | '' | release file is empty",
      "os-release without ID | etc/os-release | NAME=Something\\nVERSION_ID=1 | no valid ID field",
      "os-release with a hostile ID | usr/lib/os-release | ID=\"a b; rm -rf\" | no valid ID field",
      "binary garbage | etc/os-release | \u0000\u0001\u00ff= | no valid ID field",
      "lsb-release without DISTRIB_ID | etc/lsb-release | DISTRIB_RELEASE=1 | no valid DISTRIB_ID field",
      "unknown product | etc/redhat-release | Hannah Montana Linux 1.0 | names no known distribution",
      "blank debian_version | etc/debian_version | '  ' | release file is empty"})
  void reportsFilesItCannotUse(String name, String path, String text, String problem) throws IOException {
    RecordedAnalysis sink = analyze(path, text);

    assertThat(sink.osReleases).isEmpty();
    assertThat(sink.problems).singleElement().asString().contains(problem);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "etc/os-release, true",
      "usr/lib/os-release, true",
      "etc/debian_version, true",
      "etc/SuSE-release, true",
      "etc/issue, false",
      "usr/etc/os-release, false"})
  void wantsOnlyReleaseFiles(String path, boolean wanted) {
    assertThat(analyzer.wants(new LayerEntry(path, EntryType.FILE, 1, 0644, 0, 0, Optional.empty())))
        .isEqualTo(wanted);
  }
}

package dev.customs.core.policy;

import static dev.customs.core.policy.ControlResult.Outcome.ERROR;
import static dev.customs.core.policy.ControlResult.Outcome.FAIL;
import static dev.customs.core.policy.ControlResult.Outcome.PASS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.core.inventory.Inventory;
import dev.customs.core.policy.load.PolicyLoader;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every control passes and fails on purpose, on the inventories of the real test images (and, for
 * vulnerability controls, views on their real packages). Each case is one control written as a
 * policy document would write it, so the document reader is exercised too.
 */
class ControlsOnRealImagesTest {
  static final Instant NOW = SyntheticVulnerabilities.NOW_DATE.atStartOfDay().toInstant(ZoneOffset.UTC);
  private static final String APP_LAYERS = "[sha256:befe2573988ecdbbb6cb5a36a378aff51e1c0e2c3e3b38ba357b5308a6a24c3a, "
      + "sha256:029c215dc0584ef4240f8ddc665c49b42d43624341a5aff3d3bd22cd6455bd88]";

  private static final Supplier<Inventory> app = PolicyImages::app;
  private static final Supplier<Inventory> debian = PolicyImages::debian12;
  private static final Supplier<Inventory> alpine = PolicyImages::alpine;
  private static final Supplier<Inventory> distroless = PolicyImages::distroless;
  private static final Supplier<Inventory> planted = PolicyImages::plantedRootfs;
  /** The app as if built with USER, an environment variable and a HEALTHCHECK. */
  private static final Supplier<Inventory> hardened = () -> PolicyImages.withConfig(PolicyImages.app(), "1000:1000",
      List.of("PATH", "AWS_SECRET_ACCESS_KEY"), Optional.of(List.of("CMD", "curl", "-f", "http://localhost/")));
  private static final UnaryOperator<EvaluationContext> same = c -> c;

  static Stream<Arguments> vulnerabilityCases() {
    return Stream.of(
        row("severity HIGH fails on log4j", app, "{type: vulnerabilitySeverity, threshold: HIGH}", same, FAIL,
            "CVE-2021-44228 in org.apache.logging.log4j:log4j-core 2.14.1 [CRITICAL, fixed in 2.15.0]"),
        row("severity CRITICAL passes on debian12", debian,
            "{type: vulnerabilitySeverity, threshold: CRITICAL}", same, PASS, "among 1 counted"),
        row("severity MEDIUM fails on libc6", debian,
            "{type: vulnerabilitySeverity, threshold: medium}", same, FAIL, "CVE-2026-0001 in libc6"),
        row("onlyWithFix leaves out the unfixed libc6", debian,
            "{type: vulnerabilitySeverity, threshold: MEDIUM, onlyWithFix: true}", same, PASS, "only those with a fix"),
        row("grace period of 30 days leaves out a 5-day-old one", debian,
            "{type: vulnerabilitySeverity, threshold: MEDIUM, gracePeriodDays: 30}", same, PASS, "less than 30 days"),
        row("grace period of 3 days keeps a 5-day-old one", debian,
            "{type: vulnerabilitySeverity, threshold: MEDIUM, gracePeriodDays: 3}", same, FAIL, "CVE-2026-0001"),
        row("excludeBaseImage by layer count passes on debian12", debian,
            "{type: vulnerabilitySeverity, threshold: LOW, excludeBaseImage: {layers: 2}}",
            same, PASS, "bottom 2 layers"),
        row("excludeBaseImage by digests keeps what the app added", app,
            "{type: vulnerabilitySeverity, threshold: LOW, excludeBaseImage: {digests: " + APP_LAYERS + "}}",
            same, FAIL, "log4j-core"),
        row("cvss v3 9.0 fails on log4j", app,
            "{type: cvssScore, minScore: 9.0, version: V3}", same, FAIL, "CVE-2021-44228"),
        row("cvss v4 9.0 passes: only v4 6.1 known", app,
            "{type: cvssScore, minScore: 9.0, version: V4}", same, PASS, "no vulnerabilities"),
        row("cvss any 6.0 counts the v4 score", debian,
            "{type: cvssScore, minScore: 6.0}", same, FAIL, "CVE-2026-0001"),
        row("named vulnerability by alias fails", app,
            "{type: vulnerabilityIds, ids: [ghsa-jfh8-c2jp-5v3q]}", same, FAIL, "CVE-2021-44228"),
        row("one named vulnerability is counted in the singular", app,
            "{type: vulnerabilityIds, ids: [CVE-2021-44228]}", same, FAIL, "1 blocked vulnerability\n"),
        row("named vulnerability absent passes", app,
            "{type: vulnerabilityIds, ids: [CVE-2014-0160]}", same, PASS, "no blocked"),
        row("KEV fails on log4j", app, "{type: knownExploited}", same, FAIL, "CVE-2021-44228"),
        row("KEV passes on debian12", debian, "{type: knownExploited}", same, PASS, "no known-exploited"),
        row("EPSS 0.5 fails on log4j", app, "{type: epss, threshold: 0.5}", same, FAIL, "CVE-2021-44228"),
        row("EPSS 0.5 passes on debian12", debian, "{type: epss, threshold: 0.5}", same, PASS, "no vulnerabilities"),
        row("without vulnerability data a vulnerability control errors", app,
            "{type: knownExploited}",
            c -> new EvaluationContext(c.inventory(), c.reference(), Optional.empty(), c.vulnData(), c.now()), ERROR, "no vulnerability data"));
  }

  static Stream<Arguments> inventoryCases() {
    return Stream.of(
        row("blocked log4j-core below 2.17.1", app,
            "{type: packagesBlocked, packages: [{name: 'org.apache.logging.log4j:log4j-core', versions: '<2.17.1'}]}",
            same, FAIL, "log4j-core 2.14.1"),
        row("blocked log4j-core from 2.17.1 passes", app,
            "{type: packagesBlocked, packages: [{name: '*:log4j-core', versions: '>=2.17.1'}]}",
            same, PASS, "none of the"),
        row("blocked openssl up to the installed deb version", debian,
            "{type: packagesBlocked, packages: [{name: openssl, ecosystem: deb, versions: '<=3.0.22-1~deb12u2'}]}",
            same, FAIL, "openssl 3.0.22-1~deb12u2"),
        row("blocked openssl below the installed deb version passes", debian,
            "{type: packagesBlocked, packages: [{name: openssl, ecosystem: deb, versions: '<3.0.22-1~deb12u2'}]}",
            same, PASS, "none of the"),
        row("a range version the scheme cannot read is an error, not a guess", debian,
            "{type: packagesBlocked, packages: [{name: openssl, versions: '<x:1.0'}]}", same, ERROR,
            "versions that could not be compared: openssl 3.0.22-1~deb12u2"),
        row("blocked lodash in npm", app,
            "{type: packagesBlocked, packages: [{name: lodash, ecosystem: npm}]}", same, FAIL, "lodash 4.17.15"),
        row("required ca-certificates-bundle present", alpine,
            "{type: packagesRequired, packages: [{name: ca-certificates-bundle}]}", same, PASS, "are installed"),
        row("required tzdata missing", alpine,
            "{type: packagesRequired, packages: [{name: tzdata, ecosystem: apk}]}", same, FAIL, "missing tzdata"),
        row("blocked GPL-2.0 fails on busybox", alpine,
            "{type: licensesBlocked, licenses: ['GPL-2.0*']}", same, FAIL, "busybox"),
        row("blocked AGPL passes on alpine", alpine,
            "{type: licensesBlocked, licenses: ['AGPL-*']}", same, PASS, "no package"),
        row("only MIT allowed fails on busybox", alpine,
            "{type: licensesAllowed, licenses: [MIT]}", same, FAIL, "busybox"),
        row("alpine's licenses all allowed", alpine,
            "{type: licensesAllowed, licenses: ['GPL-2.0*', MIT, MPL-2.0, Apache-2.0, Zlib, BSD-2-Clause]}",
            same, PASS, "every declared license"),
        row("root user fails on the app", app, "{type: rootUser}", same, FAIL, "no USER is set"),
        row("user 1000 passes", hardened, "{type: rootUser}", same, PASS, "runs as 1000:1000"),
        row("user nonroot of distroless passes", () -> PolicyImages.withConfig(PolicyImages.distroless(), "nonroot",
            List.of(), Optional.empty()), "{type: rootUser}", same, PASS, "runs as nonroot"),
        row("uid 0 only for root in alpine", alpine, "{type: passwd, uids: [0], exemptUsers: [root]}", same, PASS,
            "none of the"),
        row("login shells in debian12", debian, "{type: passwd, shells: ['/bin/*sh']}", same, FAIL,
            "root (uid 0, shell /bin/bash) (/etc/passwd)"),
        row("the sync account in debian12", debian, "{type: passwd, users: [sync]}", same, FAIL,
            "sync (uid 4, shell /bin/sync)"),
        row("no login shell in distroless", distroless, "{type: passwd, shells: ['/bin/*', '/usr/bin/*']}", same,
            PASS, "none of the 3 accounts"),
        row("planted token is a secret", planted, "{type: secrets}", same, FAIL, "github-pat (CRITICAL) ghp_"),
        row("the app holds no secret", app, "{type: secrets}", same, PASS, "no secrets"));
  }

  static Stream<Arguments> configCases() {
    return Stream.of(
        row("required title label present", app,
            "{type: labelsRequired, labels: [{name: org.opencontainers.image.title, value: 'debian12-.*'}]}",
            same, PASS, "present"),
        row("required title label has another value", app,
            "{type: labelsRequired, labels: [{name: org.opencontainers.image.title, value: 'shop-.*'}]}",
            same, FAIL, "value is \"debian12-app\""),
        row("required label missing on alpine", alpine,
            "{type: labelsRequired, labels: [{name: org.opencontainers.image.source}]}", same, FAIL, "missing"),
        row("forbidden title label", app,
            "{type: labelsForbidden, labels: [{name: org.opencontainers.image.title}]}",
            same, FAIL, "org.opencontainers.image.title=debian12-app"),
        row("forbidden label absent", alpine,
            "{type: labelsForbidden, labels: [{name: org.opencontainers.image.title}]}", same, PASS, "no forbidden"),
        row("forbidden AWS_* variable", hardened,
            "{type: envForbidden, names: ['AWS_*', '*_TOKEN']}", same, FAIL, "AWS_SECRET_ACCESS_KEY"),
        row("no forbidden variable in the app", app,
            "{type: envForbidden, names: ['AWS_*']}", same, PASS, "no forbidden"),
        row("allowed registry", app,
            "{type: registriesAllowed, registries: ['*.example.com']}", same, PASS, "registry.example.com is allowed"),
        row("registry not allowed", app,
            "{type: registriesAllowed, registries: [ghcr.io]}",
            same, FAIL, "registry.example.com/team/debian12-app:1.0"),
        row("built on debian12 by layers", app,
            "{type: baseImageAllowed, bases: [{name: debian12, layers: " + APP_LAYERS + "}]}",
            same, PASS, "built on debian12"),
        row("alpine is not built on debian12", alpine,
            "{type: baseImageAllowed, bases: [{name: debian12, layers: " + APP_LAYERS + "}]}",
            same, FAIL, "bottom layer sha256:a06bf199"),
        row("base image by label", app,
            "{type: baseImageAllowed, label: {name: org.opencontainers.image.title, value: 'debian12.*'}}",
            same, PASS, "labelled"));
  }

  static Stream<Arguments> imageAndDataCases() {
    return Stream.of(
        row("image younger than 30 days", app, "{type: imageAge, maxDays: 30}", same, PASS, "built 8 days ago"),
        row("image older than 5 days", app, "{type: imageAge, maxDays: 5}", same, FAIL, "created 2026-11-22"),
        row("a rootfs has no creation date", planted, "{type: imageAge, maxDays: 5}", same, ERROR, "no creation date"),
        row("alpine within 10MB", alpine, "{type: imageSize, maxSize: 10MB}", same, PASS, "within 10000000"),
        row("alpine over 1MiB", alpine, "{type: imageSize, maxSize: 1MiB}", same, FAIL, "over 1048576"),
        row("a rootfs has no layer sizes", planted, "{type: imageSize, maxSize: 1GB}", same, ERROR, "does not know"),
        row("no healthcheck in the app", app, "{type: healthcheck}", same, FAIL, "no HEALTHCHECK"),
        row("healthcheck set", hardened, "{type: healthcheck}", same, PASS, "curl"),
        row("latest tag", alpine,
            "{type: latestTag}",
            c -> c.withReference(PolicyImages.ref("alpine")), FAIL, "docker.io/library/alpine:latest"),
        row("pinned tag", alpine,
            "{type: latestTag}", c -> c.withReference(PolicyImages.ref("alpine:3.20.3")), PASS, "alpine:3.20.3"),
        row("setuid files in debian12", debian, "{type: files, setuid: true}", same, FAIL, "/usr/bin/passwd setuid"),
        row("no setuid or setgid file in distroless", distroless,
            "{type: files, setuid: true, setgid: true}", same, PASS, "no file"),
        row("a dpkg status file by name", debian, "{type: files, paths: [status]}", same, FAIL, "/var/lib/dpkg/status"),
        row("no file under /srv in debian12", debian, "{type: files, paths: ['srv/**']}", same, PASS, "no file"),
        row("fresh vulnerability data", app, "{type: vulnDataAge, maxDays: 2}", same, PASS, "1 days old"),
        row("stale vulnerability data", app,
            "{type: vulnDataAge, maxDays: 2}",
            c -> c.withVulnData(VulnDataFacts.builtAt(NOW.minusSeconds(10 * 86400))), FAIL, "10 days old"),
        row("no vulnerability data age without a database", app,
            "{type: vulnDataAge, maxDays: 2}",
            c -> new EvaluationContext(c.inventory(), c.reference(), c.vulnerabilities(), Optional.empty(), c.now()), ERROR, "no vulnerability database"),
        row("the alpine scan is complete", alpine, "{type: scanComplete}", same, PASS, "every layer and file"),
        row("a jar without group id (no purl) leaves the app scan complete", app,
            "{type: scanComplete}", same, PASS, "every layer and file"),
        row("debian not covered by the data", debian,
            "{type: scanComplete}",
            c -> c.withVulnData(new VulnDataFacts(NOW, Optional.of(false), List.of())), FAIL,
            "Debian GNU/Linux 12 (bookworm) (debian 12.15) is not covered by the vulnerability data"),
        row("a problem of matching makes the scan incomplete", alpine, "{type: scanComplete}",
            c -> c.withVulnData(new VulnDataFacts(NOW, Optional.of(true), List.of("busybox 1.36.1-r29: bad range"))),
            FAIL, "busybox 1.36.1-r29: bad range"),
        row("a broken lock file makes the scan incomplete", planted,
            "{type: scanComplete}", same, FAIL, "/srv/web/package-lock.json"));
  }

  private static Arguments row(String name, Supplier<Inventory> image, String control,
      UnaryOperator<EvaluationContext> tweak, ControlResult.Outcome outcome, String expected) {
    return Arguments.of(name, image, control, tweak, outcome, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"vulnerabilityCases", "inventoryCases", "configCases", "imageAndDataCases"})
  void controlJudgesTheImage(String name, Supplier<Inventory> image, String control,
      UnaryOperator<EvaluationContext> tweak, ControlResult.Outcome outcome, String expected) throws Exception {
    Inventory inventory = image.get();
    String repo = inventory.image().name().replaceAll(".*[/:]", "");
    EvaluationContext context = new EvaluationContext(inventory,
        Optional.of(PolicyImages.ref("registry.example.com/team/" + repo + ":1.0")),
        Optional.of(SyntheticVulnerabilities.of(inventory)),
        Optional.of(new VulnDataFacts(NOW.minusSeconds(86400), Optional.of(true), List.of())), NOW);
    Policy policy = new PolicyLoader().parse("case.yaml", PolicyDocuments.withControls(control));

    ControlResult result = policy.controls().get(0).control().evaluate(tweak.apply(context));

    String text = String.join("\n", result.reasons()) + "\n" + String.join("\n", result.offenses().stream().map(Offense::toString).toList());
    assertThat(result.outcome()).as(text).isEqualTo(outcome);
    assertThat(text).contains(expected);
    assertThat(result.offenses().isEmpty()).isEqualTo(outcome != FAIL);
  }
}

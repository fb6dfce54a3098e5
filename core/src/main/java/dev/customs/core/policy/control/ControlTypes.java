package dev.customs.core.policy.control;

import dev.customs.core.policy.Control;
import dev.customs.core.policy.document.SpecReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The one list of control types a policy document may name, with the reader of each. */
public final class ControlTypes {
  private static final Map<String, Function<SpecReader, Control>> READERS = new LinkedHashMap<>();

  static {
    READERS.put(SeverityThresholdControl.TYPE, SeverityThresholdControl::read);
    READERS.put(CvssScoreControl.TYPE, CvssScoreControl::read);
    READERS.put(VulnerabilityIdsControl.TYPE, VulnerabilityIdsControl::read);
    READERS.put(KnownExploitedControl.TYPE, KnownExploitedControl::read);
    READERS.put(EpssControl.TYPE, EpssControl::read);
    READERS.put(PackagesBlockedControl.TYPE, PackagesBlockedControl::read);
    READERS.put(PackagesRequiredControl.TYPE, PackagesRequiredControl::read);
    READERS.put(LicensesBlockedControl.TYPE, LicensesBlockedControl::read);
    READERS.put(LicensesAllowedControl.TYPE, LicensesAllowedControl::read);
    READERS.put(RootUserControl.TYPE, RootUserControl::read);
    READERS.put(SecretsControl.TYPE, SecretsControl::read);
    READERS.put(LabelsRequiredControl.TYPE, LabelsRequiredControl::read);
    READERS.put(LabelsForbiddenControl.TYPE, LabelsForbiddenControl::read);
    READERS.put(EnvForbiddenControl.TYPE, EnvForbiddenControl::read);
    READERS.put(RegistriesAllowedControl.TYPE, RegistriesAllowedControl::read);
    READERS.put(BaseImageAllowedControl.TYPE, BaseImageAllowedControl::read);
    READERS.put(ImageAgeControl.TYPE, ImageAgeControl::read);
    READERS.put(ImageSizeControl.TYPE, ImageSizeControl::read);
    READERS.put(HealthcheckControl.TYPE, HealthcheckControl::read);
    READERS.put(LatestTagControl.TYPE, LatestTagControl::read);
    READERS.put(FilesControl.TYPE, FilesControl::read);
    READERS.put(PasswdControl.TYPE, PasswdControl::read);
    READERS.put(VulnDataAgeControl.TYPE, VulnDataAgeControl::read);
    READERS.put(ScanCompleteControl.TYPE, ScanCompleteControl::read);
  }

  private ControlTypes() {}

  public static List<String> names() {
    return List.copyOf(READERS.keySet());
  }

  /**
   * Reads a control of the named type from its spec (problems go to the spec's problem list), or
   * empty for an unknown type.
   */
  public static Optional<Control> read(String type, SpecReader spec) {
    return Optional.ofNullable(READERS.get(type)).map(reader -> reader.apply(spec));
  }
}

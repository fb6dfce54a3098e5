package dev.customs.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customs.core.policy.Assessment;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** JUnit XML of the real debian12-app scan judged by the baseline policy. */
class JUnitXmlFormatTest {
  private static Validator validator() throws Exception {
    return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
        .newSchema(JUnitXmlFormatTest.class.getResource("/schemas/jenkins-junit.xsd")).newValidator();
  }

  private static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void isValidAgainstTheJenkinsJUnitSchema() throws Exception {
    String xml = JudgedScan.write("junit", JudgedScan.app());

    validator().validate(new StreamSource(new StringReader(xml)));
  }

  @Test
  void theSchemaCheckCatchesABrokenReport() throws Exception {
    String broken = JudgedScan.write("junit", JudgedScan.app()).replaceFirst("<testcase ", "<testcase verdict=\"BLOCK\" ");

    assertThatThrownBy(() -> validator().validate(new StreamSource(new StringReader(broken))))
        .isInstanceOf(SAXException.class).hasMessageContaining("verdict");
  }

  @Test
  void oneCasePerControlAndOnePerBlockingFindingWithTheReasons() throws Exception {
    Assessment assessment = JudgedScan.app().assessment().orElseThrow();
    Document doc = parse(JudgedScan.write("junit", JudgedScan.app()));
    NodeList suites = doc.getElementsByTagName("testsuite");
    Element controls = (Element) suites.item(0);
    Element blocking = (Element) suites.item(1);

    assertThat(suites.getLength()).isEqualTo(2);
    assertThat(controls.getElementsByTagName("testcase").getLength()).isEqualTo(ControlOutcome.all(assessment).size());
    assertThat(blocking.getElementsByTagName("testcase").getLength())
        .isEqualTo(ControlOutcome.blocking(assessment).size()).isPositive();
    assertThat(Integer.parseInt(blocking.getAttribute("failures"))).isEqualTo(ControlOutcome.blocking(assessment).size());
    List<String> failures = new ArrayList<>();
    NodeList failureNodes = controls.getElementsByTagName("failure");
    for (int i = 0; i < failureNodes.getLength(); i++) {
      failures.add(failureNodes.item(i).getTextContent());
    }
    assertThat(failures).anyMatch(f -> f.contains("CVE-2021-44228 in org.apache.logging.log4j:log4j-core 2.14.1"));
    assertThat(doc.getDocumentElement().getAttribute("tests"))
        .isEqualTo(Integer.toString(ControlOutcome.all(assessment).size() + ControlOutcome.blocking(assessment).size()));
  }

  @Test
  void withoutAPolicyNothingIsJudged() throws Exception {
    ScanResult unjudged = new ScanResult(JudgedScan.app().inventory(), JudgedScan.app().match());
    Document doc = parse(JudgedScan.write("junit", unjudged));

    assertThat(doc.getElementsByTagName("testcase").getLength()).isZero();
    assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("0");
  }
}

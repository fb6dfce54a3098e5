package dev.customs.core.report;

import dev.customs.core.policy.ControlResult.Outcome;
import dev.customs.core.policy.Verdict;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML for CI test reports: a suite of one test case per policy control, and a suite of one
 * test case per blocking finding; blocking failures carry the reasons, warnings pass with theirs. Without a policy both suites are
 * empty, as nothing was judged.
 */
public final class JUnitXmlFormat implements ScanFormat {
  @Override
  public String name() {
    return "junit";
  }

  @Override
  public void write(ScanResult result, SbomContext context, OutputStream out) throws IOException {
    String image = SbomSubject.imageName(result.inventory().image());
    List<ControlOutcome> controls = result.assessment().map(ControlOutcome::all).orElse(List.of());
    List<ControlOutcome.Blocking> blocking = result.assessment().map(ControlOutcome::blocking).orElse(List.of());
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", context.toolName() + " scan " + image);
      xml.writeAttribute("tests", Integer.toString(controls.size() + blocking.size()));
      xml.writeAttribute("failures", Long.toString(failures(controls) + blocking.size()));
      xml.writeAttribute("errors", Long.toString(errors(controls)));
      writeControls(xml, image, controls, context);
      writeBlocking(xml, image, blocking, context);
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.flush();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write the JUnit report: " + e.getMessage(), e);
    }
  }

  private static void writeControls(XMLStreamWriter xml, String image, List<ControlOutcome> controls,
      SbomContext context) throws XMLStreamException {
    startSuite(xml, "policy controls of " + image, controls.size(), failures(controls), errors(controls), context);
    for (ControlOutcome c : controls) {
      startCase(xml, c.policy(), c.control().id());
      if (c.control().verdict() == Verdict.BLOCK) {
        // An ERROR outcome (a control that could not judge) is a JUnit error, a FAIL a failure.
        String element = c.control().result().outcome() == Outcome.ERROR ? "error" : "failure";
        StringBuilder text = new StringBuilder(c.reasons());
        c.control().result().offenses().forEach(o -> text.append("\n- ").append(o));
        failure(xml, element, c.control().verdict().name(), c.reasons(), text.toString());
      } else {
        // A pass, or a failure that only warns (audit, grace period): it does not fail the build.
        xml.writeStartElement("system-out");
        xml.writeCharacters(c.control().verdict() + ": " + c.reasons());
        xml.writeEndElement();
      }
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }

  private static void writeBlocking(XMLStreamWriter xml, String image, List<ControlOutcome.Blocking> blocking,
      SbomContext context) throws XMLStreamException {
    startSuite(xml, "blocking findings of " + image, blocking.size(), blocking.size(), 0, context);
    for (ControlOutcome.Blocking b : blocking) {
      startCase(xml, b.control().name(), b.offense().toString());
      failure(xml, "failure", b.offense().kind(), b.offense().subject(),
          b.offense() + "\nblocked by " + b.control().name() + ": " + b.control().reasons());
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }

  private static void startSuite(XMLStreamWriter xml, String name, int tests, long failures, long errors,
      SbomContext context) throws XMLStreamException {
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", name);
    xml.writeAttribute("tests", Integer.toString(tests));
    xml.writeAttribute("failures", Long.toString(failures));
    xml.writeAttribute("errors", Long.toString(errors));
    xml.writeAttribute("skipped", "0");
    xml.writeAttribute("time", "0");
    xml.writeAttribute("timestamp", context.created().toString().replace("Z", ""));
  }

  private static void startCase(XMLStreamWriter xml, String classname, String name) throws XMLStreamException {
    xml.writeStartElement("testcase");
    xml.writeAttribute("classname", classname);
    xml.writeAttribute("name", name);
    xml.writeAttribute("time", "0");
  }

  private static void failure(XMLStreamWriter xml, String element, String type, String message, String text)
      throws XMLStreamException {
    xml.writeStartElement(element);
    xml.writeAttribute("type", type);
    xml.writeAttribute("message", message);
    xml.writeCharacters(text);
    xml.writeEndElement();
  }

  private static long failures(List<ControlOutcome> controls) {
    return controls.stream().filter(c -> c.control().verdict() == Verdict.BLOCK)
        .filter(c -> c.control().result().outcome() != Outcome.ERROR).count();
  }

  private static long errors(List<ControlOutcome> controls) {
    return controls.stream().filter(c -> c.control().verdict() == Verdict.BLOCK)
        .filter(c -> c.control().result().outcome() == Outcome.ERROR).count();
  }
}

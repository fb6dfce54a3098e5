import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.apache.maven.artifact.versioning.ComparableVersion;

/** maven-artifact's ComparableVersion as the oracle: "a TAB b" lines in, "a TAB b TAB -1|0|1" out. */
public class MavenOracle {
  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    StringBuilder out = new StringBuilder();
    for (String line; (line = in.readLine()) != null; ) {
      String[] pair = line.split("\t", -1);
      int sign = Integer.signum(new ComparableVersion(pair[0]).compareTo(new ComparableVersion(pair[1])));
      out.append(pair[0]).append('\t').append(pair[1]).append('\t').append(sign).append('\n');
    }
    System.out.print(out);
  }
}

// Cross-check runner for fedcat's SHACL validation (test/e2e/shacl-cross-check.test.ts): validates data files against
// shape files with Apache Jena SHACL and prints one tab-separated line per result, so the test can compare them with
// fedcat's own results. Input (stdin), one job per line: id TAB base-IRI TAB data file TAB background file TAB shapes file.
// Output: id TAB severity TAB focus kind TAB focus TAB path TAB component, or id TAB PARSE-ERROR TAB message.
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.path.P_Link;

public class ShaclCounts {
  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isBlank()) continue;
      String[] job = line.split("\t");
      String id = job[0];
      Graph data = GraphFactory.createDefaultGraph();
      try {
        RDFParser.source(job[2]).base(job[1]).parse(data);
      } catch (Exception e) {
        System.out.println(id + "\tPARSE-ERROR\t" + String.valueOf(e.getMessage()).replace('\t', ' ').replace('\n', ' '));
        continue;
      }
      RDFParser.source(job[3]).parse(data);
      Graph shapesGraph = GraphFactory.createDefaultGraph();
      RDFParser.source(job[4]).parse(shapesGraph);
      Shapes shapes = Shapes.parse(shapesGraph);
      ValidationReport report = ShaclValidator.get().validate(shapes, data);
      for (ReportEntry e : report.getEntries()) {
        Node focus = e.focusNode();
        String kind = focus.isBlank() ? "blank" : focus.isURI() ? "iri" : "literal";
        String path = e.resultPath() == null ? "" : e.resultPath() instanceof P_Link ? ((P_Link) e.resultPath()).getNode().getURI() : "(complex path)";
        String severity = e.severity().level().getLocalName();
        String component = e.constraint() == null ? "" : e.constraint().getComponent().getURI();
        String focusText = focus.isBlank() ? focus.getBlankNodeLabel() : focus.isURI() ? focus.getURI() : focus.getLiteralLexicalForm();
        System.out.println(id + "\t" + severity + "\t" + kind + "\t" + focusText.replace('\t', ' ').replace('\n', ' ') + "\t" + path + "\t" + component);
      }
    }
  }
}

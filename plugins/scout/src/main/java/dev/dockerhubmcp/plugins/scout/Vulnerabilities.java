package dev.dockerhubmcp.plugins.scout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.Result;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code vulnerabilities}: the detailed variant of {@code cves}. Same rows, filters, order and paging, and per row also
 * the purl, description, advisory URL, CVSS vector and version, CWEs, vulnerable range, dates, EPSS percentile and
 * priority, the VEX statements and exceptions that apply, and the layers that hold the package. It selects more fields
 * than {@code cves}, so its answers are larger (default page size 20).
 */
final class Vulnerabilities {
    static final int DEFAULT_PAGE_SIZE = 20;
    private static final int DESCRIPTION_CAP = 1000;

    static final ScoutQuery PACKAGES = ScoutQuery.of("ScoutVulnerabilitiesPackages", """
        query ScoutVulnerabilitiesPackages($context: Context!, $digest: String!) {
          imagePackagesByDigest(context: $context, digest: $digest) {
            digest
            sbomState
            imageLayers { layers { diffId ordinal } }
            imagePackages {
              packages {
                package { purl name version type namespace }
                locations { path diffId }
              }
            }
          }
        }
        """);

    static final ScoutQuery VULNERABILITIES = ScoutQuery.of("ScoutVulnerabilitiesDetails", """
        query ScoutVulnerabilitiesDetails($context: Context!, $packageUrls: [String!]!, $digest: String,
                                          $includeExcepted: Boolean) {
          vulnerabilitiesByPackage(context: $context, packageUrls: $packageUrls, digest: $digest,
                                   includeExcepted: $includeExcepted) {
            purl
            vulnerabilities {
              sourceId
              source
              description
              url
              cwes { cweId }
              cvss { severity score vector version }
              fixedBy
              vulnerableRange
              publishedAt
              updatedAt
              epss { score percentile priority }
              cisaExploited
              isExcepted
              vulnerabilityExceptions { sourceType type status justification documentUrl author timestamp }
              vexStatements { sourceType type status justification documentUrl timestamp }
            }
          }
        }
        """);

    /** Every query the action can send. */
    static final List<ScoutQuery> QUERIES = List.of(PACKAGES, VULNERABILITIES);

    static final Action ACTION = Action.builder("vulnerabilities")
        .description("Detailed CVEs of an image from Docker Scout: the rows of 'cves' plus purl, description, "
            + "advisory URL, CVSS vector, CWEs, vulnerable range, dates, EPSS priority, VEX statements and exceptions, "
            + "and the layers holding the package. Use 'cves' for a quick list; this one costs more context. Same "
            + "filters, order, paging and upstream calls as 'cves'.")
        .input(Cves.input()
            .optional("page_size", Params.pageSize(DEFAULT_PAGE_SIZE)))
        .effect(Effect.READ)
        .handler(Vulnerabilities::handle)
        .build();

    private static Result handle(Arguments args, ActionContext ctx) {
        ImageTarget target = ImageTarget.of(ctx, args);
        Findings.Scan scan = Findings.scan(ctx, args, target, PACKAGES, VULNERABILITIES);
        List<Findings.Finding> matched = Findings.filter(scan.findings(), args);
        Map<String, Integer> layerOrdinals = new HashMap<>();
        for (JsonNode l : scan.imagePackages().path("imageLayers").path("layers")) {
            layerOrdinals.put(l.path("diffId").asText(), l.path("ordinal").asInt());
        }
        boolean verbose = args.bool("verbose", false);
        ObjectNode out = Params.NODES.objectNode();
        out.set("image", target.toJson());
        out.put("sbom_state", scan.sbomState());
        out.set("counts", Findings.counts(scan.findings()));
        Params.page(out, "vulnerabilities", matched.stream()
            .map(f -> verbose ? raw(f) : row(f, layerOrdinals)).toList(), args, DEFAULT_PAGE_SIZE);
        return Params.ok(out, scan.warnings());
    }

    private static ObjectNode row(Findings.Finding f, Map<String, Integer> layerOrdinals) {
        ObjectNode r = f.row();
        JsonNode v = f.vuln();
        r.put("purl", f.pkg().purl());
        r.put("source", Params.text(v, "source"));
        String description = Params.text(v, "description");
        if (description != null && description.length() > DESCRIPTION_CAP) {
            description = description.substring(0, DESCRIPTION_CAP) + "…";
        }
        r.put("description", description);
        r.put("url", Params.text(v, "url"));
        r.put("cvss_vector", Params.text(v.path("cvss"), "vector"));
        r.put("cvss_version", Params.text(v.path("cvss"), "version"));
        ArrayNode cwes = r.putArray("cwes");
        v.path("cwes").forEach(c -> cwes.add(c.path("cweId").asText()));
        r.put("vulnerable_range", Params.text(v, "vulnerableRange"));
        r.put("published_at", Params.text(v, "publishedAt"));
        r.put("updated_at", Params.text(v, "updatedAt"));
        JsonNode epss = v.path("epss");
        if (epss.isObject()) {
            r.put("epss_percentile", epss.path("percentile").asDouble());
            r.put("epss_priority", Params.text(epss, "priority"));
        }
        r.set("exceptions", statements(v.path("vulnerabilityExceptions")));
        r.set("vex_statements", statements(v.path("vexStatements")));
        TreeSet<Integer> layers = new TreeSet<>();
        ArrayNode paths = Params.NODES.arrayNode();
        for (JsonNode loc : f.pkg().raw().path("locations")) {
            Integer ordinal = layerOrdinals.get(loc.path("diffId").asText());
            if (ordinal != null) {
                layers.add(ordinal);
            }
            paths.add(loc.path("path").asText());
        }
        ArrayNode layerArr = r.putArray("layers");
        layers.forEach(layerArr::add);
        r.set("paths", paths);
        return r;
    }

    private static ArrayNode statements(JsonNode list) {
        ArrayNode out = Params.NODES.arrayNode();
        for (JsonNode s : list) {
            ObjectNode o = out.addObject();
            o.put("source", Params.text(s, "sourceType"));
            o.put("type", Params.text(s, "type"));
            o.put("status", Params.text(s, "status"));
            o.put("justification", Params.text(s, "justification"));
            o.put("document_url", Params.text(s, "documentUrl"));
            o.put("timestamp", Params.text(s, "timestamp"));
        }
        return out;
    }

    private static ObjectNode raw(Findings.Finding f) {
        ObjectNode n = Params.NODES.objectNode();
        n.set("package", f.pkg().raw());
        n.set("vulnerability", f.vuln());
        return n;
    }
}

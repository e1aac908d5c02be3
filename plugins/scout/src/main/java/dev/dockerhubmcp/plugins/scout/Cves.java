package dev.dockerhubmcp.plugins.scout;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;

import java.util.List;

/**
 * {@code cves}: one compact row per (CVE, package) of an image, filtered by severity and fixability, critical first
 * then by CVSS. Two Scout requests: the image's packages ({@code imagePackagesByDigest}), then their vulnerabilities
 * scoped to the image ({@code vulnerabilitiesByPackage} with the digest, so VEX exceptions apply).
 */
final class Cves {
    static final int DEFAULT_PAGE_SIZE = 50;

    static final ScoutQuery PACKAGES = ScoutQuery.of("ScoutCvesPackages", """
        query ScoutCvesPackages($context: Context!, $digest: String!) {
          imagePackagesByDigest(context: $context, digest: $digest) {
            digest
            sbomState
            imagePackages { packages { package { purl name version type namespace } } }
          }
        }
        """);

    static final ScoutQuery VULNERABILITIES = ScoutQuery.of("ScoutCvesVulnerabilities", """
        query ScoutCvesVulnerabilities($context: Context!, $packageUrls: [String!]!, $digest: String,
                                       $includeExcepted: Boolean) {
          vulnerabilitiesByPackage(context: $context, packageUrls: $packageUrls, digest: $digest,
                                   includeExcepted: $includeExcepted) {
            purl
            vulnerabilities {
              sourceId
              source
              cvss { severity score }
              fixedBy
              epss { score percentile }
              cisaExploited
              isExcepted
            }
          }
        }
        """);

    /** Every query the action can send. */
    static final List<ScoutQuery> QUERIES = List.of(PACKAGES, VULNERABILITIES);

    static final Action ACTION = Action.builder("cves")
        .description("CVEs of an image from Docker Scout, one row per CVE and package (id, severity, CVSS, package, "
            + "version, fixed_by, EPSS, CISA-exploited, excepted by VEX), critical first; filter by severity and "
            + "fixable_only; pages client-side. Costs a registry HEAD (plus an index GET for multi-arch) and two "
            + "Scout queries.")
        .input(input())
        .effect(Effect.READ)
        .handler(Cves::handle)
        .build();

    static Schema.ObjectBuilder input() {
        return Params.imageInput()
            .optional("severity", Params.severity())
            .optional("fixable_only", Schema.bool("Only vulnerabilities with a fixed version").defaultValue(false))
            .optional("include_excepted", Schema.bool("Include vulnerabilities excepted by VEX or a manual exception "
                + "(marked excepted: true)").defaultValue(true))
            .optional("page", Params.page())
            .optional("page_size", Params.pageSize(DEFAULT_PAGE_SIZE))
            .optional("verbose", Params.verbose());
    }

    private static Result handle(Arguments args, ActionContext ctx) {
        ImageTarget target = ImageTarget.of(ctx, args);
        Findings.Scan scan = Findings.scan(ctx, args, target, PACKAGES, VULNERABILITIES);
        List<Findings.Finding> matched = Findings.filter(scan.findings(), args);
        boolean verbose = args.bool("verbose", false);
        ObjectNode out = Params.NODES.objectNode();
        out.set("image", target.toJson());
        out.put("sbom_state", scan.sbomState());
        out.set("counts", Findings.counts(scan.findings()));
        Params.page(out, "cves", matched.stream().map(f -> verbose ? raw(f) : f.row()).toList(), args,
            DEFAULT_PAGE_SIZE);
        return Params.ok(out, scan.warnings());
    }

    private static ObjectNode raw(Findings.Finding f) {
        ObjectNode n = Params.NODES.objectNode();
        n.set("package", f.pkg().raw());
        n.set("vulnerability", f.vuln());
        return n;
    }
}

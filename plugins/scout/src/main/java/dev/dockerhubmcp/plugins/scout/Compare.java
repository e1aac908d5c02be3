package dev.dockerhubmcp.plugins.scout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.registry.ImageReference;
import dev.dockerhubmcp.api.scout.ScoutResponse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code compare}: what {@code to_image} adds, removes and fixes compared with {@code from_image}: packages added,
 * removed and changed in version, CVEs added and fixed. Two Scout requests, each asking for both images at once
 * (GraphQL aliases {@code from} and {@code to}): their packages, then their vulnerabilities scoped to each image.
 */
final class Compare {
    static final int DEFAULT_LIMIT = 50;

    private static final String PACKAGE_SET = """
        fragment ScoutComparePackageSet on IpImagePackagesByDigest {
          digest
          sbomState
          imagePackages { packages { package { purl name version type namespace } } }
        }
        """;

    private static final String VULNERABILITY_SET = """
        fragment ScoutCompareVulnerabilitySet on VpPackageVulnerability {
          purl
          vulnerabilities { sourceId cvss { severity score } fixedBy }
        }
        """;

    static final ScoutQuery PACKAGES = ScoutQuery.of("ScoutComparePackages", """
        query ScoutComparePackages($context: Context!, $fromDigest: String!, $toDigest: String!) {
          from: imagePackagesByDigest(context: $context, digest: $fromDigest) { ...ScoutComparePackageSet }
          to: imagePackagesByDigest(context: $context, digest: $toDigest) { ...ScoutComparePackageSet }
        }
        """).with(PACKAGE_SET);

    static final ScoutQuery VULNERABILITIES = ScoutQuery.of("ScoutCompareVulnerabilities", """
        query ScoutCompareVulnerabilities($context: Context!, $fromPurls: [String!]!, $fromDigest: String,
                                          $toPurls: [String!]!, $toDigest: String) {
          from: vulnerabilitiesByPackage(context: $context, packageUrls: $fromPurls, digest: $fromDigest) {
            ...ScoutCompareVulnerabilitySet
          }
          to: vulnerabilitiesByPackage(context: $context, packageUrls: $toPurls, digest: $toDigest) {
            ...ScoutCompareVulnerabilitySet
          }
        }
        """).with(VULNERABILITY_SET);

    /** Every query the action can send. */
    static final List<ScoutQuery> QUERIES = List.of(PACKAGES, VULNERABILITIES);

    static final Action ACTION = Action.builder("compare")
        .description("Compares two images with Docker Scout: packages to_image adds, removes or changes and the CVEs "
            + "it adds or fixes relative to from_image (e.g. current vs. upgrade), with severity counts of both. "
            + "Costs two registry HEADs (plus index GETs for multi-arch) and two Scout queries.")
        .input(Schema.object()
            .required("from_image", Params.image("The baseline image, e.g. what runs today (nginx:1.25, "
                + "myorg/app@sha256:…)"))
            .required("to_image", Params.image("The image compared with the baseline, e.g. an upgrade "
                + "(nginx:1.27)"))
            .optional("platform", Params.platform())
            .optional("organization", Params.organization(false))
            .optional("limit", Schema.integer("Most entries per list (default " + DEFAULT_LIMIT + "); the "
                + "counts always cover everything").min(1).max(1000).defaultValue(DEFAULT_LIMIT))
            .optional("verbose", Params.verbose()))
        .effect(Effect.READ)
        .handler(Compare::handle)
        .build();

    private static Result handle(Arguments args, ActionContext ctx) {
        Platform platform = ImageTarget.platform(args);
        ImageReference fromRef = ImageTarget.parse("from_image", args.string("from_image"));
        ImageReference toRef = ImageTarget.parse("to_image", args.string("to_image"));
        ImageTarget from = ImageTarget.resolve(ctx, args.string("from_image"), fromRef, platform);
        ImageTarget to = ImageTarget.resolve(ctx, args.string("to_image"), toRef, platform);
        if (from.imageDigest().equals(to.imageDigest())) {
            throw new ActionException(ErrorType.VALIDATION, "'from_image' and 'to_image' are the same image ("
                + from.imageDigest() + "): nothing to compare");
        }
        ObjectNode pv = Params.variables(args);
        pv.put("fromDigest", from.imageDigest());
        pv.put("toDigest", to.imageDigest());
        ScoutResponse packagesResponse = Params.send(ctx, PACKAGES, pv);
        List<String> warnings = new ArrayList<>(packagesResponse.warnings());
        List<Findings.ImagePackage> fromPackages = Findings.packages(packagesResponse.data().get("from"), from);
        List<Findings.ImagePackage> toPackages = Findings.packages(packagesResponse.data().get("to"), to);
        for (String side : new String[] {"from", "to"}) {
            String state = packagesResponse.data().path(side).path("sbomState").asText("NONE");
            if (!"INDEXED".equals(state)) {
                warnings.add("the SBOM state of " + side + "_image is " + state + ": the comparison may be incomplete");
            }
        }
        ObjectNode vv = Params.variables(args);
        vv.set("fromPurls", Findings.purls(fromPackages));
        vv.put("fromDigest", from.imageDigest());
        vv.set("toPurls", Findings.purls(toPackages));
        vv.put("toDigest", to.imageDigest());
        ScoutResponse vulnResponse = Params.send(ctx, VULNERABILITIES, vv);
        warnings.addAll(vulnResponse.warnings());
        if (args.bool("verbose", false)) {
            ObjectNode raw = Params.NODES.objectNode();
            raw.set("from", from.toJson());
            raw.set("to", to.toJson());
            raw.set("packages", packagesResponse.data());
            raw.set("vulnerabilities", vulnResponse.data());
            return Params.ok(raw, warnings);
        }
        List<Findings.Finding> fromFindings = Findings.join(fromPackages, vulnResponse.data().path("from"));
        List<Findings.Finding> toFindings = Findings.join(toPackages, vulnResponse.data().path("to"));
        return Params.ok(diff(from, to, fromPackages, toPackages, fromFindings, toFindings,
            args.integer("limit", DEFAULT_LIMIT)), warnings);
    }

    static ObjectNode diff(ImageTarget from, ImageTarget to, List<Findings.ImagePackage> fromPackages,
                           List<Findings.ImagePackage> toPackages, List<Findings.Finding> fromFindings,
                           List<Findings.Finding> toFindings, int limit) {
        ObjectNode out = Params.NODES.objectNode();
        out.set("from", from.toJson());
        out.set("to", to.toJson());
        Map<String, Cve> fromCves = cves(fromFindings);
        Map<String, Cve> toCves = cves(toFindings);
        ObjectNode vulns = out.putObject("vulnerabilities");
        ObjectNode fc = severityCounts(fromCves);
        ObjectNode tc = severityCounts(toCves);
        vulns.set("from", fc);
        vulns.set("to", tc);
        ObjectNode delta = vulns.putObject("delta");
        fc.fieldNames().forEachRemaining(f -> delta.put(f, tc.path(f).asInt() - fc.path(f).asInt()));

        List<Cve> added = toCves.values().stream().filter(c -> !fromCves.containsKey(c.id)).sorted().toList();
        List<Cve> fixed = fromCves.values().stream().filter(c -> !toCves.containsKey(c.id)).sorted().toList();
        Map<String, TreeSet<String>> fromVersions = versions(fromPackages);
        Map<String, TreeSet<String>> toVersions = versions(toPackages);
        List<ObjectNode> pkgAdded = new ArrayList<>();
        List<ObjectNode> pkgRemoved = new ArrayList<>();
        List<ObjectNode> pkgChanged = new ArrayList<>();
        toVersions.forEach((key, versions) -> {
            TreeSet<String> before = fromVersions.get(key);
            if (before == null) {
                pkgAdded.add(pkg(key, null, versions));
            } else if (!before.equals(versions)) {
                pkgChanged.add(pkg(key, before, versions));
            }
        });
        fromVersions.forEach((key, versions) -> {
            if (!toVersions.containsKey(key)) {
                pkgRemoved.add(pkg(key, versions, null));
            }
        });
        ObjectNode counts = out.putObject("counts");
        counts.put("packages_from", fromVersions.size());
        counts.put("packages_to", toVersions.size());
        counts.put("packages_added", pkgAdded.size());
        counts.put("packages_removed", pkgRemoved.size());
        counts.put("packages_changed", pkgChanged.size());
        counts.put("cves_added", added.size());
        counts.put("cves_fixed", fixed.size());
        counts.put("cves_unchanged", toCves.size() - added.size());
        put(out, "cves_added", added.stream().map(Cve::json).toList(), limit);
        put(out, "cves_fixed", fixed.stream().map(Cve::json).toList(), limit);
        put(out, "packages_added", pkgAdded, limit);
        put(out, "packages_removed", pkgRemoved, limit);
        put(out, "packages_changed", pkgChanged, limit);
        return out;
    }

    /** A CVE of one image: its worst severity and score, and the packages that carry it. */
    private static final class Cve implements Comparable<Cve> {
        final String id;
        Severity severity = Severity.UNSPECIFIED;
        Double cvss;
        String fixedBy;
        final TreeSet<String> packages = new TreeSet<>();

        Cve(String id) {
            this.id = id;
        }

        void add(Findings.Finding f) {
            if (f.severity().compareTo(severity) < 0) {
                severity = f.severity();
            }
            if (f.cvss() != null && (cvss == null || f.cvss() > cvss)) {
                cvss = f.cvss();
            }
            if (fixedBy == null) {
                fixedBy = f.fixedBy();
            }
            packages.add(f.pkg().display());
        }

        ObjectNode json() {
            ObjectNode n = Params.NODES.objectNode();
            n.put("id", id);
            n.put("severity", severity.wire());
            if (cvss == null) {
                n.putNull("cvss");
            } else {
                n.put("cvss", cvss);
            }
            n.put("fixed_by", fixedBy);
            ArrayNode p = n.putArray("packages");
            packages.forEach(p::add);
            return n;
        }

        @Override
        public int compareTo(Cve o) {
            return Comparator.comparing((Cve c) -> c.severity)
                .thenComparing(c -> c.cvss == null ? -1.0 : c.cvss, Comparator.reverseOrder())
                .thenComparing(c -> c.id).compare(this, o);
        }
    }

    private static Map<String, Cve> cves(List<Findings.Finding> findings) {
        Map<String, Cve> out = new LinkedHashMap<>();
        findings.forEach(f -> out.computeIfAbsent(f.id(), Cve::new).add(f));
        return out;
    }

    private static ObjectNode severityCounts(Map<String, Cve> cves) {
        ObjectNode c = Params.NODES.objectNode();
        for (Severity s : Severity.values()) {
            c.put(s.wire(), cves.values().stream().filter(v -> v.severity == s).count());
        }
        c.put("total", cves.size());
        return c;
    }

    private static Map<String, TreeSet<String>> versions(List<Findings.ImagePackage> packages) {
        Map<String, TreeSet<String>> out = new TreeMap<>();
        packages.forEach(p -> out.computeIfAbsent(p.key(), k -> new TreeSet<>())
            .add(p.version() == null ? "" : p.version()));
        return out;
    }

    private static ObjectNode pkg(String key, TreeSet<String> before, TreeSet<String> after) {
        ObjectNode n = Params.NODES.objectNode();
        int colon = key.indexOf(':');
        n.put("package", key.substring(colon + 1));
        n.put("type", key.substring(0, colon));
        if (before != null) {
            n.put("from", String.join(", ", before));
        }
        if (after != null) {
            n.put("to", String.join(", ", after));
        }
        return n;
    }

    private static void put(ObjectNode out, String key, List<ObjectNode> rows, int limit) {
        ArrayNode arr = out.putArray(key);
        rows.stream().limit(limit).forEach(arr::add);
        if (rows.size() > limit) {
            out.withObjectProperty("truncated").put(key, rows.size() - limit);
        }
    }
}

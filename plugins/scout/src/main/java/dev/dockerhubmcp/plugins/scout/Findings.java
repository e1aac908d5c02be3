package dev.dockerhubmcp.plugins.scout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.api.scout.ScoutResponse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Packages of an image ({@code imagePackagesByDigest}) joined with their vulnerabilities
 * ({@code vulnerabilitiesByPackage}): one finding per (vulnerability, package). Shared by cves, vulnerabilities and
 * compare.
 */
final class Findings {
    private Findings() {
    }

    /** A package of the image. */
    record ImagePackage(String purl, String name, String version, String type, String namespace, JsonNode raw) {
        ImagePackage {
            requireNonNull(purl, "purl is null");
        }

        /** Identity across versions: type, namespace and name. */
        String key() {
            return type + ":" + (namespace == null ? "" : namespace + "/") + name;
        }

        String display() {
            return (name == null ? purl : name) + (version == null ? "" : "@" + version);
        }

        static ImagePackage of(JsonNode entry) {
            JsonNode p = entry.has("package") ? entry.get("package") : entry;
            return new ImagePackage(p.path("purl").asText(), Params.text(p, "name"), Params.text(p, "version"),
                Params.text(p, "type"), Params.text(p, "namespace"), entry);
        }
    }

    /** One vulnerability of one package. */
    record Finding(ImagePackage pkg, JsonNode vuln) {
        String id() {
            return vuln.path("sourceId").asText();
        }

        Severity severity() {
            return Severity.of(Params.text(vuln.path("cvss"), "severity"));
        }

        Double cvss() {
            JsonNode s = vuln.path("cvss").get("score");
            return s == null || s.isNull() ? null : s.asDouble();
        }

        String fixedBy() {
            String f = Params.text(vuln, "fixedBy");
            return f == null || f.isBlank() || "not fixed".equalsIgnoreCase(f.trim()) ? null : f;
        }

        Double epss() {
            JsonNode s = vuln.path("epss").get("score");
            return s == null || s.isNull() ? null : s.asDouble();
        }

        /** The compact row of cves. */
        ObjectNode row() {
            ObjectNode r = Params.NODES.objectNode();
            r.put("id", id());
            r.put("severity", severity().wire());
            if (cvss() == null) {
                r.putNull("cvss");
            } else {
                r.put("cvss", cvss());
            }
            r.put("package", pkg.name());
            r.put("type", pkg.type());
            r.put("version", pkg.version());
            r.put("fixed_by", fixedBy());
            if (epss() == null) {
                r.putNull("epss");
            } else {
                r.put("epss", epss());
            }
            r.put("cisa_exploited", vuln.path("cisaExploited").asBoolean(false));
            r.put("excepted", vuln.path("isExcepted").asBoolean(false));
            return r;
        }
    }

    /**
     * What one image holds: its package record, packages and findings, and the warnings of partial answers.
     *
     * @param imagePackages the raw {@code imagePackagesByDigest} record
     * @param packages      the packages, one per purl
     * @param findings      every finding, sorted
     * @param warnings      partial-data and indexing warnings
     */
    record Scan(JsonNode imagePackages, List<ImagePackage> packages, List<Finding> findings, List<String> warnings) {
        String sbomState() {
            return imagePackages.path("sbomState").asText("NONE");
        }
    }

    /**
     * Runs {@code packagesQuery} ({@code $context, $digest}) and then, when the image has packages,
     * {@code vulnerabilitiesQuery} ({@code $context, $packageUrls, $digest, $includeExcepted}) for the image digest.
     */
    static Scan scan(ActionContext ctx, Arguments args, ImageTarget target, ScoutQuery packagesQuery,
                     ScoutQuery vulnerabilitiesQuery) {
        ScoutResponse pr = Params.send(ctx, packagesQuery, Params.variables(args, target));
        JsonNode imagePackages = pr.data().get("imagePackagesByDigest");
        List<ImagePackage> packages = packages(imagePackages, target);
        List<String> warnings = new ArrayList<>(pr.warnings());
        String state = imagePackages.path("sbomState").asText("NONE");
        if (!"INDEXED".equals(state)) {
            warnings.add("the image's SBOM state is " + state + ": results may be incomplete");
        }
        if (packages.isEmpty()) {
            return new Scan(imagePackages, packages, List.of(), warnings);
        }
        ObjectNode vv = Params.variables(args);
        vv.set("packageUrls", purls(packages));
        vv.put("digest", target.imageDigest());
        vv.put("includeExcepted", args.bool("include_excepted", true));
        ScoutResponse vr = Params.send(ctx, vulnerabilitiesQuery, vv);
        warnings.addAll(vr.warnings());
        return new Scan(imagePackages, packages, join(packages, vr.data().path("vulnerabilitiesByPackage")), warnings);
    }

    /** Critical first, then higher CVSS, then id and package. */
    static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity)
        .thenComparing(f -> f.cvss() == null ? -1.0 : f.cvss(), Comparator.reverseOrder())
        .thenComparing(Finding::id)
        .thenComparing(f -> String.valueOf(f.pkg().name()));

    /** The packages of an {@code IpImagePackagesByDigest}; NOT_FOUND when Scout has no record of the image. */
    static List<ImagePackage> packages(JsonNode imagePackages, ImageTarget target) {
        if (imagePackages == null || imagePackages.isNull() || imagePackages.isMissingNode()) {
            throw notFound(target);
        }
        Map<String, ImagePackage> byPurl = new LinkedHashMap<>();
        for (JsonNode entry : imagePackages.path("imagePackages").path("packages")) {
            ImagePackage p = ImagePackage.of(entry);
            if (!p.purl().isEmpty()) {
                byPurl.putIfAbsent(p.purl(), p);
            }
        }
        return List.copyOf(byPurl.values());
    }

    static ActionException notFound(ImageTarget target) {
        return new ActionException(ErrorType.NOT_FOUND, "Scout has no package data for " + target.image() + " ("
            + target.imageDigest() + "): the image may not be analyzed yet, Scout may not be enabled for the "
            + "repository, or its data belongs to another 'organization'");
    }

    /** purls as a GraphQL list variable. */
    static ArrayNode purls(List<ImagePackage> packages) {
        ArrayNode a = Params.NODES.arrayNode();
        packages.forEach(p -> a.add(p.purl()));
        return a;
    }

    /** Joins {@code [VpPackageVulnerability]} with the packages, sorted by {@link #ORDER}. */
    static List<Finding> join(List<ImagePackage> packages, JsonNode packageVulnerabilities) {
        Map<String, ImagePackage> byPurl = new LinkedHashMap<>();
        packages.forEach(p -> byPurl.put(p.purl(), p));
        List<Finding> out = new ArrayList<>();
        for (JsonNode pv : packageVulnerabilities) {
            String purl = pv.path("purl").asText();
            ImagePackage pkg = byPurl.getOrDefault(purl, new ImagePackage(purl, purl, null, null, null, pv));
            for (JsonNode v : pv.path("vulnerabilities")) {
                out.add(new Finding(pkg, v));
            }
        }
        out.sort(ORDER);
        return out;
    }

    /** The {@code severity} and {@code fixable_only} filters. */
    static List<Finding> filter(List<Finding> findings, Arguments args) {
        List<String> wanted = args.strings("severity");
        Set<Severity> severities = EnumSet.noneOf(Severity.class);
        wanted.forEach(s -> severities.add(Severity.of(s)));
        boolean fixableOnly = args.bool("fixable_only", false);
        return findings.stream()
            .filter(f -> severities.isEmpty() || severities.contains(f.severity()))
            .filter(f -> !fixableOnly || f.fixedBy() != null)
            .toList();
    }

    /** Counts by severity (and total) over all findings. */
    static ObjectNode counts(List<Finding> findings) {
        ObjectNode c = Params.NODES.objectNode();
        for (Severity s : Severity.values()) {
            c.put(s.wire(), findings.stream().filter(f -> f.severity() == s).count());
        }
        c.put("total", findings.size());
        c.put("fixable", findings.stream().filter(f -> f.fixedBy() != null).count());
        return c;
    }
}

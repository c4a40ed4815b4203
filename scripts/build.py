#!/usr/bin/env python3
"""Builds the static site into dist/ as wasm-pack.toml says: cargo (wasm32), wasm-bindgen,
wasm-opt (npm binaryen), then copies www/ and writes the single self-contained HTML file."""
import base64, glob, gzip, json, os, re, shutil, subprocess, sys, tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(cmd, **kw):
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=ROOT, **kw)


def main():
    with open(os.path.join(ROOT, "wasm-pack.toml"), "rb") as f:
        cfg = tomllib.load(f)
    cargo, wb, opt, site = cfg["cargo"], cfg["wasm-bindgen"], cfg["wasm-opt"], cfg["site"]
    run(["cargo", "build", "--lib", "--profile", cargo["profile"], "--target", cargo["target"]])
    profile_dir = "release" if cargo["profile"] == "release" else cargo["profile"]
    wasm = os.path.join(ROOT, "target", cargo["target"], profile_dir, "banenverkenner.wasm")
    pkg = os.path.join(ROOT, "build", "pkg")
    shutil.rmtree(pkg, ignore_errors=True)
    run(["wasm-bindgen", "--target", wb["target"], "--out-name", wb["out-name"], "--no-typescript", "--out-dir", pkg, wasm])
    bg = os.path.join(pkg, wb["out-name"] + "_bg.wasm")
    if opt.get("enabled", False):
        tool = os.path.join(ROOT, "node_modules", "binaryen", "bin", "wasm-opt")
        if not os.path.exists(tool):
            sys.exit("wasm-opt (npm binaryen) ontbreekt: voer eerst `npm ci` uit (make doet dat).")
        run(["node", tool, *opt["flags"], bg, "-o", bg])

    out = os.path.join(ROOT, site["out-dir"])
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(os.path.join(ROOT, site["source"]), out)
    shutil.copytree(pkg, os.path.join(out, "pkg"))
    # Map boundaries, one file per edition, fetched only when a map is opened (not in the bundle).
    geo = sorted(glob.glob(os.path.join(ROOT, "data", "geo", "*.topojson")))
    os.makedirs(os.path.join(out, "geo"), exist_ok=True)
    for path in geo:
        shutil.copy(path, os.path.join(out, "geo"))
    minify = cfg.get("minify", {})
    if minify.get("enabled", False):
        terser = os.path.join(ROOT, "node_modules", "terser", "bin", "terser")
        if not os.path.exists(terser):
            sys.exit("terser (npm) ontbreekt: voer eerst `npm ci` uit (make doet dat).")
        for rel in sorted(glob.glob(os.path.join(out, "**", "*.js"), recursive=True)):
            run(["node", terser, rel, *minify["flags"], "-o", rel])

    # The single file: scripts, styles and the wasm (base64) inlined; starts with initSync.
    with open(os.path.join(out, "index.html"), encoding="utf-8") as f:
        html = f.read()
    def inline_script(m):
        src = m.group(1)
        with open(os.path.join(out, src), encoding="utf-8") as f:
            return "<script>\n" + f.read().replace("</script", "<\\/script") + "\n</script>"
    def inline_style(m):
        with open(os.path.join(out, m.group(1)), encoding="utf-8") as f:
            return "<style>\n" + f.read() + "\n</style>"
    with open(bg, "rb") as f:
        wasm_b64 = base64.b64encode(f.read()).decode("ascii")
    single = re.sub(r'<link rel="stylesheet" href="([^"]+)">', inline_style, html)
    # The served page preloads the wasm; the single file has it inline.
    single = re.sub(r'<link rel="preload"[^>]*>\n?', '', single)
    # Inline scripts cannot be deferred: they run in order at the end of the body, as before.
    single = single.replace('<script defer src=', '<script src=')
    single = single.replace('<script src="pkg/banenverkenner.js"></script>',
                            '<script src="pkg/banenverkenner.js"></script>\n<script>window.BV_WASM_BASE64 = "' + wasm_b64 + '";</script>')
    single = re.sub(r'<script src="([^"]+)"></script>', inline_script, single)
    # The single file runs inline scripts: its CSP allows them (the served site does not).
    single = single.replace("script-src 'self' 'wasm-unsafe-eval'", "script-src 'unsafe-inline' 'wasm-unsafe-eval'")
    # The single file cannot fetch geo/: every edition inline as JSON data (not executed),
    # {"2017": "<TopoJSON text>", ...}, read from <script id="bv-geo"> by the page.
    editions = {re.search(r"(\d{4})", os.path.basename(p)).group(1): open(p, encoding="utf-8").read() for p in geo}
    geo_json = json.dumps(editions, separators=(",", ":")).replace("</", "<\\/")
    head, body_end, tail = single.rpartition("</body>")
    single = f'{head}<script type="application/json" id="bv-geo">{geo_json}</script>\n{body_end}{tail}'
    with open(os.path.join(out, site["single-file"]), "w", encoding="utf-8") as f:
        f.write(single)

    raw = os.path.getsize(os.path.join(out, "pkg", wb["out-name"] + "_bg.wasm"))
    with open(os.path.join(out, "pkg", wb["out-name"] + "_bg.wasm"), "rb") as f:
        gz = len(gzip.compress(f.read(), 9))
    print(f"dist/ klaar: wasm {raw} bytes ({gz} gzip), {site['single-file']} {os.path.getsize(os.path.join(out, site['single-file']))} bytes")


if __name__ == "__main__":
    main()

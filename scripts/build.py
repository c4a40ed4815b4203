#!/usr/bin/env python3
"""Builds the static site into dist/ as wasm-pack.toml says: cargo (wasm32), wasm-bindgen,
wasm-opt (npm binaryen), then copies www/, bundles the page's modules into app.js and the worker
(wasm-bindgen glue + www/worker.js) into worker.js, and writes the single self-contained HTML file."""
import base64
import html, glob, gzip, json, os, re, shutil, subprocess, sys, tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(cmd, **kw):
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=ROOT, **kw)


# The page's ES modules in dependency order. ES modules do not load from file://, so the build
# joins them into one classic script (app.js): imports dropped, exports made plain declarations,
# all in one function scope (top-level names are unique across the modules).
MODULES = ["state.js", "i18n.js", "core.js", "figure.js", "pickers.js", "exports.js", "present.js", "main.js"]


def bundle(src_dir):
    parts = ["'use strict';", "(function () {"]
    for name in MODULES:
        with open(os.path.join(src_dir, name), encoding="utf-8") as f:
            text = f.read()
        text = re.sub(r"^import\s[^;]*?from\s+'[^']+';[ \t]*\n", "", text, flags=re.M)
        if re.search(r"^\s*import\b", text, flags=re.M):
            sys.exit(f"{name}: een import die de bundel niet kent")
        text = re.sub(r"^export\s+(?=(const|let|function|async function|class)\b)", "", text, flags=re.M)
        if re.search(r"^export\b", text, flags=re.M):
            sys.exit(f"{name}: een export die de bundel niet kent")
        parts.append(f"// ---- {name}\n{text}")
    parts.append("})();\n")
    return "\n".join(parts)


def check_inline_scripts(path):
    """Every inline script of the page must have its hash in the page's Content-Security-Policy
    (the served site allows no other inline script): a script edited without its hash fails the
    build instead of silently not running."""
    import hashlib
    with open(path, encoding="utf-8") as f:
        page = f.read()
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page)
    for body in re.findall(r"<script>(.*?)</script>", page, flags=re.S):
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        if not policy or f"'sha256-{digest}'" not in policy.group(1):
            sys.exit(f"{path}: inline script zonder zijn hash 'sha256-{digest}' in script-src")


def prerender(out):
    """The built-in data's first chart and its reading, drawn at build time by the same core (the
    native CLI) and written into index.html, so it is on screen before any script runs. The page
    replaces it with the same drawing once the wasm is ready (or clears it at once when the address
    asks for other data or another view). The stylesheet is written in as well, so that nothing is
    fetched before the first paint."""
    run(["cargo", "build", "--release", "--locked", "--quiet", "--bin", "banenverkenner"])
    cli = os.path.join(ROOT, "target", "release", "banenverkenner")
    svg_path = os.path.join(ROOT, "build", "prerender.svg")
    os.makedirs(os.path.dirname(svg_path), exist_ok=True)
    res = subprocess.run([cli, "view", "default", "", "--svg", svg_path], capture_output=True, text=True, check=True)
    lines = res.stdout.splitlines()
    summary = lines[2] if len(lines) > 2 else ""
    spec = subprocess.run([cli, "view", "default", "", "--spec"], capture_output=True, text=True, check=True).stdout.strip()
    with open(svg_path, encoding="utf-8") as f:
        svg = f.read()
    # As the page shows a drawing: scaled by its viewBox, ids kept apart from the page's own.
    svg = re.sub(r'^<svg width="\d+" height="\d+"', '<svg class="drawing"', svg, count=1)
    svg = svg.replace('id="bv-', 'id="pre-bv-').replace('"bv-title bv-desc"', '"pre-bv-title pre-bv-desc"')
    with open(os.path.join(out, "index.html"), encoding="utf-8") as f:
        page = f.read()
    page = page.replace('<figure id="figure" tabindex="-1" aria-busy="true">',
                        '<figure id="figure" tabindex="-1" aria-busy="true" data-prerendered="' + html.escape(spec, quote=True) + '">')
    page = page.replace('<div id="chart"></div>', '<div id="chart" data-chart="prerendered">' + svg + '</div>')
    page = page.replace('<figcaption id="summary"></figcaption>', '<figcaption id="summary">' + html.escape(summary) + '</figcaption>')
    # The stylesheet goes inline (the CSP allows inline styles, not scripts): no request stands
    # between the page and its first paint. A linked one would be fetched late: with the CSP in a
    # meta tag, Chromium's preload scanner holds every fetch until the parser has applied it.
    link = '<link rel="stylesheet" href="style.css">'
    if page.count(link) != 1:
        sys.exit("index.html: de stylesheet-link ontbreekt of staat er vaker in")
    with open(os.path.join(out, "style.css"), encoding="utf-8") as f:
        css = f.read()
    # Comments are for the source; no string in the stylesheet holds "/*" or "</".
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = "\n".join(line.rstrip() for line in css.splitlines() if line.strip()) + "\n"
    if "</" in css:
        sys.exit("style.css: '</' kan niet in een <style>-element")
    page = page.replace(link, "<style>\n" + css + "</style>")
    os.remove(os.path.join(out, "style.css"))
    with open(os.path.join(out, "index.html"), "w", encoding="utf-8") as f:
        f.write(page)


def main():
    with open(os.path.join(ROOT, "wasm-pack.toml"), "rb") as f:
        cfg = tomllib.load(f)
    cargo, wb, opt, site = cfg["cargo"], cfg["wasm-bindgen"], cfg["wasm-opt"], cfg["site"]
    first = cfg["first"]
    pkg = os.path.join(ROOT, "build", "pkg")
    shutil.rmtree(pkg, ignore_errors=True)

    def core(profile, flags, out_name, global_name, nightly=None, level="-Oz", opt_flags=()):
        """One core: cargo (wasm32), wasm-bindgen (no-modules, with its own global), wasm-opt.
        `nightly`: (toolchain, extra cargo flags, RUSTFLAGS, target dir) to try first."""
        target_dir = os.path.join(ROOT, "target")
        built = False
        if nightly:
            toolchain, extra, rustflags, tdir = nightly
            env = dict(os.environ, RUSTFLAGS=rustflags, CARGO_TARGET_DIR=os.path.join(ROOT, tdir))
            cmd = ["cargo", f"+{toolchain}", "build", "--lib", "--profile", profile, "--target", cargo["target"], *flags, *extra]
            print("+", " ".join(cmd), flush=True)
            if subprocess.run(cmd, cwd=ROOT, env=env).returncode == 0:
                target_dir, built = os.path.join(ROOT, tdir), True
            else:
                print(f"let op: {toolchain} (met rust-src) ontbreekt of faalde; de eerste kern wordt met de stabiele toolchain gebouwd (groter)", flush=True)
        if not built:
            run(["cargo", "build", "--lib", "--profile", profile, "--target", cargo["target"], *flags])
        profile_dir = "release" if profile == "release" else profile
        wasm = os.path.join(target_dir, cargo["target"], profile_dir, "banenverkenner.wasm")
        glue_flags = ["--no-modules-global", global_name] if global_name else []
        run(["wasm-bindgen", "--target", wb["target"], "--out-name", out_name, *glue_flags, "--no-typescript", "--out-dir", pkg, wasm])
        bg = os.path.join(pkg, out_name + "_bg.wasm")
        if opt.get("enabled", False):
            tool = os.path.join(ROOT, "node_modules", "binaryen", "bin", "wasm-opt")
            if not os.path.exists(tool):
                sys.exit("wasm-opt (npm binaryen) ontbreekt: voer eerst `npm ci` uit (make doet dat).")
            run(["node", tool, level, *opt["flags"], *opt_flags, bg, "-o", bg])
        return bg

    bg = core(cargo["profile"], [], wb["out-name"], None, level=opt.get("full-level", "-Oz"), opt_flags=opt.get("full-flags", []))
    nightly = None
    if first.get("toolchain"):
        nightly = (first["toolchain"], first.get("build-std", []), first.get("rustflags", ""), first.get("target-dir", "target/first"))
    first_bg = core(first["profile"], first.get("cargo-flags", []), first["out-name"], first["global"], nightly, level=opt.get("first-level", "-Oz"))

    out = os.path.join(ROOT, site["out-dir"])
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(os.path.join(ROOT, site["source"]), out)
    shutil.copytree(pkg, os.path.join(out, "pkg"))
    with open(os.path.join(out, "app.js"), "w", encoding="utf-8") as f:
        f.write(bundle(os.path.join(ROOT, site["source"])))
    check_inline_scripts(os.path.join(out, "index.html"))
    for name in MODULES:
        os.remove(os.path.join(out, name))
    # The worker: the no-modules glue of both cores (globals bv_first and wasm_bindgen) and the
    # worker's own code in one file.
    glue = ""
    for name in (first["out-name"], wb["out-name"]):
        with open(os.path.join(pkg, name + ".js"), encoding="utf-8") as f:
            glue += f.read() + "\n"
    with open(os.path.join(out, "worker.js"), encoding="utf-8") as f:
        worker = f.read()
    with open(os.path.join(out, "worker.js"), "w", encoding="utf-8") as f:
        f.write(glue + "\n" + worker)
    with open(os.path.join(out, "index.html"), encoding="utf-8") as f:
        page = f.read()
    page = page.replace('<script type="module" src="main.js"></script>', '<script defer src="app.js"></script>')
    with open(os.path.join(out, "index.html"), "w", encoding="utf-8") as f:
        f.write(page)
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

    prerender(out)

    # The single file: script, styles, the worker's code and the wasm (base64) inlined. The
    # worker starts from a Blob of its code and gets the wasm by message (works from file://).
    with open(os.path.join(out, "index.html"), encoding="utf-8") as f:
        html = f.read()
    def inline_script(m):
        src = m.group(1)
        with open(os.path.join(out, src), encoding="utf-8") as f:
            return "<script>\n" + f.read().replace("</script", "<\\/script") + "\n</script>"
    def inline_style(m):
        with open(os.path.join(out, m.group(1)), encoding="utf-8") as f:
            return "<style>\n" + f.read() + "\n</style>"
    with open(first_bg, "rb") as f:
        wasm_b64 = base64.b64encode(f.read()).decode("ascii")
    with open(bg, "rb") as f:
        full_b64 = base64.b64encode(f.read()).decode("ascii")
    with open(os.path.join(out, "worker.js"), encoding="utf-8") as f:
        worker_src = json.dumps(f.read()).replace("</", "<\\/")
    single = re.sub(r'<link rel="stylesheet" href="([^"]+)">', inline_style, html)
    # Inline scripts cannot be deferred: they run in order at the end of the body, as before.
    single = single.replace('<script defer src="app.js"></script>',
                            '<script>window.BV_WASM_BASE64 = "' + wasm_b64 + '";\nwindow.BV_WASM_FULL_BASE64 = "' + full_b64 + '";\nwindow.BV_WORKER_SRC = ' + worker_src + ';</script>\n<script src="app.js"></script>')
    single = re.sub(r'<script src="([^"]+)"></script>', inline_script, single)
    # The single file runs inline scripts: its CSP allows them (the served site does not).
    # (A hash in the policy would switch 'unsafe-inline' off: the whole directive is replaced.)
    single, n = re.subn(r"script-src [^;]*;", "script-src 'unsafe-inline' 'wasm-unsafe-eval';", single, count=1)
    if n != 1:
        sys.exit("index.html: geen script-src in het Content-Security-Policy")
    # The single file cannot fetch geo/: every edition inline as JSON data (not executed),
    # {"2017": "<TopoJSON text>", ...}, read from <script id="bv-geo"> by the page.
    editions = {re.search(r"(\d{4})", os.path.basename(p)).group(1): open(p, encoding="utf-8").read() for p in geo}
    geo_json = json.dumps(editions, separators=(",", ":")).replace("</", "<\\/")
    head, body_end, tail = single.rpartition("</body>")
    single = f'{head}<script type="application/json" id="bv-geo">{geo_json}</script>\n{body_end}{tail}'
    with open(os.path.join(out, site["single-file"]), "w", encoding="utf-8") as f:
        f.write(single)

    sizes = []
    for name in (first["out-name"], wb["out-name"]):
        with open(os.path.join(out, "pkg", name + "_bg.wasm"), "rb") as f:
            data = f.read()
        sizes.append(f"{name}_bg.wasm {len(data)} bytes ({len(gzip.compress(data, 9))} gzip)")
    print(f"dist/ klaar: {', '.join(sizes)}, {site['single-file']} {os.path.getsize(os.path.join(out, site['single-file']))} bytes")

if __name__ == "__main__":
    main()

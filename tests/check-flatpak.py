#!/usr/bin/env python3
# Checks what can be checked of the Flatpak manifest without the GNOME
# runtime: valid JSON, the app id matching the desktop file and metainfo,
# well-formed modules and sources, and narrow sandbox permissions.
import json
import re
import sys
from pathlib import Path

source_root = Path(sys.argv[1])
manifest_path = source_root / "flatpak" / "io.github.vankho.Vankho.json"
failures = []

def check(condition, message):
    print(("ok" if condition else "FAIL") + " - " + message)
    if not condition:
        failures.append(message)

manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
app_id = manifest.get("id")

check(app_id == "io.github.vankho.Vankho", "app id is io.github.vankho.Vankho")
check(manifest.get("command") == "vankho", "command is the installed 'vankho'")
check(manifest.get("runtime") == "org.gnome.Platform" and manifest.get("sdk") == "org.gnome.Sdk",
      "built on the GNOME runtime and SDK")
check(re.fullmatch(r"\d+", str(manifest.get("runtime-version", ""))) is not None,
      "runtime-version is a GNOME release number")

desktop = (source_root / "data" / f"{app_id}.desktop.in").read_text(encoding="utf-8")
check(f"Icon={app_id}" in desktop, "desktop file names the app id as its icon")
metainfo = (source_root / "data" / f"{app_id}.metainfo.xml.in").read_text(encoding="utf-8")
check(f"<id>{app_id}</id>" in metainfo, "metainfo id matches")
check(f"<launchable type=\"desktop-id\">{app_id}.desktop</launchable>" in metainfo,
      "metainfo launches the desktop file")
check((source_root / "data" / "icons" / f"{app_id}.svg").exists(), "application icon exists")

finish_args = manifest.get("finish-args", [])
for arg in finish_args:
    check(not arg.startswith("--filesystem"), f"no broad filesystem access ({arg})")
for wanted in ("--share=network", "--socket=wayland", "--socket=fallback-x11", "--share=ipc", "--device=dri"):
    check(wanted in finish_args, f"finish-args has {wanted}")

modules = manifest.get("modules", [])
check(len(modules) >= 1 and modules[-1].get("name") == "vankho", "the app is the last module")
for module in modules:
    name = module.get("name", "?")
    check(module.get("buildsystem") in ("meson", "cmake-ninja", "autotools", "simple"),
          f"module {name} has a known build system")
    sources = module.get("sources", [])
    check(len(sources) > 0, f"module {name} has sources")
    for src in sources:
        kind = src.get("type")
        if kind == "archive":
            check(src.get("url", "").startswith("https://"), f"{name}: archive over https")
            check(re.fullmatch(r"[0-9a-f]{64}", src.get("sha256", "")) is not None, f"{name}: sha256 given")
        elif kind == "dir":
            check((manifest_path.parent / src.get("path", "")).resolve() == source_root.resolve(),
                  f"{name}: builds the local checkout")
        elif kind == "git":
            check(src.get("url", "").startswith("https://"), f"{name}: git over https")
            check(bool(src.get("tag") or src.get("commit")), f"{name}: pinned to a tag or commit")
        else:
            check(kind in ("file", "patch"), f"{name}: known source type {kind}")
app_module = modules[-1] if modules else {}
check("-Dui_tests=disabled" in app_module.get("config-opts", []), "no Xvfb tests inside the sandbox build")

print(f"{len(failures)} failed")
sys.exit(1 if failures else 0)

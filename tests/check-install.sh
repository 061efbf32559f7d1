#!/bin/sh
# Installs the build into a temporary prefix and checks the installed tree
# and that the installed programs start.
set -eu
build_dir=$1
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT

meson install -C "$build_dir" --destdir "$dest" --quiet >/dev/null
prefix=$(meson introspect "$build_dir" --buildoptions | python3 -c 'import json,sys; print([o["value"] for o in json.load(sys.stdin) if o["name"]=="prefix"][0])')
root="$dest$prefix"

status=0
for path in \
  bin/vankho \
  bin/vankho-cli \
  share/applications/io.github.vankho.Vankho.desktop \
  share/metainfo/io.github.vankho.Vankho.metainfo.xml \
  share/glib-2.0/schemas/io.github.vankho.Vankho.gschema.xml \
  share/icons/hicolor/scalable/apps/io.github.vankho.Vankho.svg \
  share/icons/hicolor/symbolic/apps/io.github.vankho.Vankho-symbolic.svg \
  share/locale/vi/LC_MESSAGES/vankho.mo
do
  if [ -e "$root/$path" ]; then echo "ok - installed $path"; else echo "FAIL - missing $path"; status=1; fi
done

if "$root/bin/vankho-cli" --version | grep -q '^vankho-cli '; then echo "ok - vankho-cli --version"; else echo "FAIL - vankho-cli --version"; status=1; fi
if GSETTINGS_SCHEMA_DIR="$root/share/glib-2.0/schemas" "$root/bin/vankho" --version | grep -q '^vankho '; then
  echo "ok - vankho --version"
else
  echo "FAIL - vankho --version"; status=1
fi
exit $status

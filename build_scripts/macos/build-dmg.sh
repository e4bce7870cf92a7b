#!/usr/bin/env bash
# macOS: "Microneedling Companion.app" and a disk image holding it. It cannot be built on Linux.
# On a Mac, from the checkout, with Python 3.11 (make creates .venv):
#   make .venv/.installed && build_scripts/macos/build-dmg.sh
# companion.spec makes the .app with PyInstaller's BUNDLE (icon drawn from resources/icons/app.svg,
# bundle id org.microneedling-companion, version from app/__init__.py); this script checks it
# with --self-test and puts it on dist/microneedling-companion-<version>-macos.dmg with hdiutil.
# To sign for distribution, set MACOS_SIGN_IDENTITY ("Developer ID Application: ..."); the
# signed image then still needs notarizing (xcrun notarytool submit ... --wait; xcrun stapler).
set -euo pipefail
cd "$(dirname "$0")/../.."
[[ $(uname) == Darwin ]] || { echo "build-dmg.sh runs on macOS (hdiutil, codesign)" >&2; exit 2; }
py=.venv/bin/python
"$py" -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[build]'
version=$("$py" -c 'import app; print(app.__version__)')
name="Microneedling Companion"

"$py" -m PyInstaller --noconfirm --distpath dist --workpath build/pyinstaller \
  build_scripts/companion.spec
bundle="dist/$name.app"
"$bundle/Contents/MacOS/microneedling-companion" --self-test

if [[ -n ${MACOS_SIGN_IDENTITY:-} ]]; then
  codesign --deep --force --options runtime --timestamp --sign "$MACOS_SIGN_IDENTITY" "$bundle"
  codesign --verify --deep --strict "$bundle"
fi

stage=build/dmg
rm -rf "$stage" && mkdir -p "$stage"
cp -R "$bundle" "$stage/"
ln -s /Applications "$stage/Applications"  # drag the app onto it to install
image="dist/microneedling-companion-$version-macos.dmg"
hdiutil create -volname "$name" -srcfolder "$stage" -ov -format UDZO "$image"
echo "$image"

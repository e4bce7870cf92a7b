#!/usr/bin/env bash
# Debian packages that building and testing the bundle need from the system, installed with
# apt-get only when missing (and only as root; otherwise it says what to install).
#   debian-deps.sh build   what PyInstaller copies into the bundle from this machine (the
#                          libraries Qt's xcb platform plugin links) and binutils (objdump, strip)
#   debian-deps.sh test    Xvfb, desktop-file-validate, appstreamcli, and what the .deb depends on
# `make package` runs the first, `make test-packaging` the second, .ci/run both.
set -euo pipefail

have_lib() { ldconfig -p | grep -q "[[:space:]]$1 "; }
need=()
for kind in "$@"; do
  case $kind in
    build)
      command -v objdump >/dev/null && command -v strip >/dev/null || need+=(binutils)
      # soname:package, for every library libqxcb.so and libQt6XcbQpa link that the bundle
      # carries (a fresh Debian image lacks a few, e.g. libxcb-icccm4 and libxcb-keysyms1).
      for pair in libxcb-icccm.so.4:libxcb-icccm4 libxcb-keysyms.so.1:libxcb-keysyms1 \
        libxcb-image.so.0:libxcb-image0 libxcb-render-util.so.0:libxcb-render-util0 \
        libxcb-cursor.so.0:libxcb-cursor0 libxcb-randr.so.0:libxcb-randr0 \
        libxcb-shape.so.0:libxcb-shape0 libxcb-xfixes.so.0:libxcb-xfixes0 \
        libxcb-sync.so.1:libxcb-sync1 libxcb-xkb.so.1:libxcb-xkb1 libxcb-shm.so.0:libxcb-shm0 \
        libxcb-render.so.0:libxcb-render0 libxcb-util.so.1:libxcb-util1 \
        libxcb-glx.so.0:libxcb-glx0 libxkbcommon-x11.so.0:libxkbcommon-x11-0 \
        libxkbcommon.so.0:libxkbcommon0 libX11-xcb.so.1:libx11-xcb1 \
        libfontconfig.so.1:libfontconfig1 libglib-2.0.so.0:libglib2.0-0; do
        have_lib "${pair%%:*}" || need+=("${pair##*:}")
      done
      ;;
    test)
      command -v Xvfb >/dev/null || need+=(xvfb)
      command -v desktop-file-validate >/dev/null || need+=(desktop-file-utils)
      command -v appstreamcli >/dev/null || need+=(appstream)
      # The .deb's Depends, so that `dpkg -i` in the tests finds them.
      for pair in libGL.so.1:libgl1 libEGL.so.1:libegl1 libxcb.so.1:libxcb1 \
        libcups.so.2:libcups2 libdbus-1.so.3:libdbus-1-3 libfontconfig.so.1:libfontconfig1; do
        have_lib "${pair%%:*}" || need+=("${pair##*:}")
      done
      [[ -d /usr/share/X11/locale ]] || need+=(libx11-data)
      ;;
    *)
      echo "usage: $0 build|test ..." >&2
      exit 2
      ;;
  esac
done

[[ ${#need[@]} -eq 0 ]] && exit 0
if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
  echo "debian-deps.sh: missing ${need[*]}; install them (apt-get install ${need[*]})" >&2
  exit 0  # the build (package.py) or the tests then say exactly what fails without them
fi
echo "debian-deps.sh: installing ${need[*]}" >&2
apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null

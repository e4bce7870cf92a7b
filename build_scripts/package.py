"""`make package`: the PyInstaller bundle, then (on Linux) a .tar.xz and a .deb of it.

    python build_scripts/package.py [--dist dist] [--work build/pyinstaller]
                                    [--skip-build | --bundle-only | --bare-window]

1. Builds build_scripts/companion.spec into DIST/microneedling-companion/ (onedir).
2. Checks that every library the bundle links but does not carry is one the system provides
   (SYSTEM_LIBRARIES below, each with its Debian package); a library missing from the build
   machine would otherwise leave a bundle that fails on the first X11 desktop it meets.
3. Linux: DIST/microneedling-companion-<version>-linux-<machine>.tar.xz (the folder, plus the
   desktop entry, icons and AppStream metadata under share/), and
   DIST/microneedling-companion_<version>_<arch>.deb, made with dpkg-deb: the folder in
   /usr/lib/microneedling-companion/, a /usr/bin/microneedling-companion link to its
   executable, the desktop entry, AppStream metadata and hicolor icons.
   Both are xz-compressed: about a quarter smaller than gzip for this bundle (the downloads'
   budget is PACKAGE_BUDGET_MIB each), for some more seconds of build time.
Windows and macOS: see build_scripts/windows/ and build_scripts/macos/ (built on those systems).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SPEC = REPO / "build_scripts" / "companion.spec"
PACKAGING = REPO / "build_scripts" / "packaging"
sys.path[:0] = [str(REPO), str(REPO / "build_scripts")]

from app import APP_ID, __version__  # noqa: E402

# AppStream wants a reverse-DNS component id (appstreamcli refuses "microneedling-companion");
# everything else (command, desktop entry, icon) is APP_ID.
COMPONENT_ID = "io.github.microneedling_companion.MicroneedlingCompanion"
INSTALL_DIR = f"usr/lib/{APP_ID}"  # Debian's place for a package's private files
# What each download (the .tar.xz, the .deb) may weigh; the bundle's own budget is in bench.py.
PACKAGE_BUDGET_MIB = 38

# Libraries the bundle links but does not carry, and the Debian packages that provide them:
# the C library, the graphics drivers' GL/EGL and libxcb (PyInstaller never bundles these; they
# must match the system), and the clients of system services that companion.spec leaves to the
# system (CUPS for printing, D-Bus). Everything else the bundle links is inside it.
SYSTEM_LIBRARIES = {
    "libc.so.6": "libc6",
    "libm.so.6": "libc6",
    "libdl.so.2": "libc6",
    "libpthread.so.0": "libc6",
    "librt.so.1": "libc6",
    "libresolv.so.2": "libc6",
    "libutil.so.1": "libc6",
    "ld-linux-x86-64.so.2": "libc6",
    "ld-linux-aarch64.so.1": "libc6",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libxcb.so.1": "libxcb1",
    "libcups.so.2": "libcups2",
    "libdbus-1.so.3": "libdbus-1-3",
}
# Needed at run time though not linked: fontconfig's configuration and at least one font (the
# bundled libfontconfig reads the system's /etc/fonts; libfontconfig1 brings fontconfig-config,
# which brings a font), and the X11 compose tables for typing accented letters.
RUNTIME_PACKAGES = ["libfontconfig1", "libx11-data"]


# --- the bundle -----------------------------------------------------------------------------------


def build_bundle(dist: Path, work: Path, bare: bool = False) -> Path:
    """Run PyInstaller on companion.spec; the onedir folder it made."""
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level=WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work / "bare-window" if bare else work),  # apart: each build keeps its own cache
        str(SPEC),
    ]
    if bare:
        command += ["--", "--bare-window"]
    subprocess.run(command, check=True, cwd=REPO)
    name = "bare-window" if bare else APP_ID
    folder = dist / name
    if not (folder / executable_name(name)).is_file():
        raise SystemExit(f"PyInstaller made no {folder / executable_name(name)}")
    return folder


def executable_name(name: str = APP_ID) -> str:
    return f"{name}.exe" if sys.platform.startswith("win") else name


def bundle_size(folder: Path) -> int:
    """Bytes in the folder: every file's size, links counted as links (as du --apparent-size)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_dir() or p.is_symlink())


def elf_files(folder: Path) -> list[Path]:
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        with path.open("rb") as handle:
            if handle.read(4) == b"\x7fELF":
                found.append(path)
    return found


def _objdump(path: Path) -> str:
    return subprocess.run(
        ["objdump", "-p", str(path)], capture_output=True, text=True, check=True
    ).stdout


def unbundled_libraries(folder: Path) -> dict[str, list[str]]:
    """Each library some ELF file in the bundle links (DT_NEEDED) but the bundle does not carry,
    with the files that link it."""
    carried = {p.name for p in folder.rglob("*")}
    needed: dict[str, list[str]] = {}
    for path in elf_files(folder):
        for name in re.findall(r"^\s*NEEDED\s+(\S+)", _objdump(path), re.MULTILINE):
            if name not in carried:
                needed.setdefault(name, []).append(str(path.relative_to(folder)))
    return needed


def check_system_libraries(folder: Path) -> dict[str, str]:
    """soname -> Debian package for every library the bundle leaves to the system; SystemExit
    naming the library when one is not in SYSTEM_LIBRARIES (it was missing on the build
    machine, so PyInstaller could not bundle it)."""
    needed = unbundled_libraries(folder)
    unknown = {name: users for name, users in needed.items() if name not in SYSTEM_LIBRARIES}
    if unknown:
        lines = [f"  {name} (linked by {', '.join(users[:3])})" for name, users in unknown.items()]
        raise SystemExit(
            "The bundle links libraries that it does not carry and the system is not expected "
            "to provide:\n" + "\n".join(lines) + "\nInstall them on the build machine "
            "(build_scripts/debian-deps.sh build does, on Debian) so PyInstaller bundles them."
        )
    return {name: SYSTEM_LIBRARIES[name] for name in needed}


def glibc_needed(folder: Path) -> str:
    """The newest GLIBC symbol version any file in the bundle asks for, e.g. "2.34"."""
    versions = {"2.17"}
    for path in elf_files(folder):
        versions.update(re.findall(r"\bGLIBC_(\d+\.\d+(?:\.\d+)?)\b", _objdump(path)))
    return max(versions, key=lambda v: tuple(int(n) for n in v.split(".")))


def debian_depends(folder: Path) -> str:
    packages = sorted(set(check_system_libraries(folder).values()) | set(RUNTIME_PACKAGES))
    return ", ".join(
        f"libc6 (>= {glibc_needed(folder)})" if name == "libc6" else name for name in packages
    )


# --- what goes beside the bundle ----------------------------------------------------------------


def release_date() -> str:
    """The date of the last commit (reproducible builds), or today outside a git checkout."""
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%cs"], cwd=REPO, capture_output=True, text=True
        ).stdout.strip()
    except OSError:
        out = ""
    return out or time.strftime("%Y-%m-%d")


def fill(template: Path, values: dict[str, str]) -> str:
    text = template.read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace(f"@{key}@", value)
    leftover = re.findall(r"@[A-Z_]+@", text)
    if leftover:
        raise SystemExit(f"{template.name}: no value for {', '.join(sorted(set(leftover)))}")
    return text


def write_share(root: Path, work: Path) -> None:
    """The desktop entry, AppStream metadata and hicolor icons under root/share/."""
    from icons import APP_SVG, HICOLOR_SIZES, write_icons

    icons = write_icons(work / "icons")
    applications = root / "share" / "applications"
    applications.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(PACKAGING / f"{APP_ID}.desktop", applications / f"{APP_ID}.desktop")
    metainfo = root / "share" / "metainfo"
    metainfo.mkdir(parents=True, exist_ok=True)
    values = {
        "APP_ID": APP_ID,
        "COMPONENT_ID": COMPONENT_ID,
        "VERSION": __version__,
        "DATE": release_date(),
    }
    (metainfo / f"{COMPONENT_ID}.metainfo.xml").write_text(
        fill(PACKAGING / "metainfo.xml.in", values), encoding="utf-8"
    )
    hicolor = root / "share" / "icons" / "hicolor"
    for size in HICOLOR_SIZES:
        folder = hicolor / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(icons[f"png{size}"], folder / f"{APP_ID}.png")
    (hicolor / "scalable" / "apps").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(APP_SVG, hicolor / "scalable" / "apps" / f"{APP_ID}.svg")


def _normalise_modes(root: Path) -> None:
    """Folders 755, files 644, executables 755: no build machine's umask in the package."""
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            path.chmod(0o755 if path.stat().st_mode & 0o111 else 0o644)


# --- the archives ---------------------------------------------------------------------------------


def make_tarball(bundle: Path, dist: Path, work: Path) -> Path:
    name = f"{APP_ID}-{__version__}-linux-{platform.machine()}"
    stage = work / "tarball" / name
    shutil.rmtree(stage.parent, ignore_errors=True)
    shutil.copytree(bundle, stage, symlinks=True)
    write_share(stage, work)
    _normalise_modes(stage)
    out = dist / f"{name}.tar.xz"

    def owned_by_root(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        return info

    with tarfile.open(out, "w:xz", preset=6) as archive:
        archive.add(stage, arcname=name, filter=owned_by_root)
    return out


def debian_arch() -> str:
    return subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()


def make_deb(bundle: Path, dist: Path, work: Path) -> Path:
    stage = work / "deb"
    shutil.rmtree(stage, ignore_errors=True)
    shutil.copytree(bundle, stage / INSTALL_DIR, symlinks=True)
    (stage / "usr" / "bin").mkdir(parents=True)
    # A relative link, so the package's files work under any root (a chroot, dpkg --root).
    (stage / "usr" / "bin" / APP_ID).symlink_to(f"../lib/{APP_ID}/{APP_ID}")
    write_share(stage / "usr", work)
    copyright_dir = stage / "usr" / "share" / "doc" / APP_ID
    copyright_dir.mkdir(parents=True)
    (copyright_dir / "copyright").write_text(
        f"{APP_ID} {__version__}\nCopyright: Microneedling Companion team\nLicense: proprietary\n"
        "It bundles Python (PSF License), Qt and PySide6 (LGPL-3.0), pydantic (MIT), "
        "icalendar (BSD), segno (BSD), tzdata (Apache-2.0) and their libraries.\n",
        encoding="utf-8",
    )
    _normalise_modes(stage)
    installed_kib = (bundle_size(stage) + 1023) // 1024
    control = fill(
        PACKAGING / "debian-control.in",
        {
            "APP_ID": APP_ID,
            "VERSION": __version__,
            "ARCH": debian_arch(),
            "INSTALLED_SIZE": str(installed_kib),
            "DEPENDS": debian_depends(bundle),
        },
    )
    (stage / "DEBIAN").mkdir(mode=0o755)
    (stage / "DEBIAN" / "control").write_text(control, encoding="utf-8")
    out = dist / f"{APP_ID}_{__version__}_{debian_arch()}.deb"
    # No maintainer scripts: dpkg's triggers update the icon cache and the desktop database.
    # xz (dpkg's default, named here): about 27% smaller than gzip for this bundle.
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(stage), str(out)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=REPO / "dist", help="where results go")
    parser.add_argument("--work", type=Path, default=REPO / "build" / "pyinstaller")
    parser.add_argument("--skip-build", action="store_true", help="package DIST's bundle as is")
    parser.add_argument("--bundle-only", action="store_true", help="build the bundle, no archives")
    parser.add_argument(
        "--bare-window", action="store_true", help="build the bare window's bundle (for bench.py)"
    )
    args = parser.parse_args(argv)
    dist, work = args.dist.resolve(), args.work.resolve()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # the icons are drawn by Qt
    if args.bare_window:
        bare = build_bundle(dist, work, bare=True)
        print(f"bare-window bundle: {bare} ({bundle_size(bare) / 2**20:.1f} MiB)")
        return 0
    bundle = dist / APP_ID if args.skip_build else build_bundle(dist, work)
    print(f"bundle: {bundle} ({bundle_size(bundle) / 2**20:.1f} MiB)")
    if not sys.platform.startswith("linux"):
        print("The .tar.xz and .deb are Linux packages; see build_scripts/windows or macos.")
        return 0
    depends = debian_depends(bundle)  # fails here, naming a library the bundle lacks
    if args.bundle_only:
        return 0
    print(f"tarball: {make_tarball(bundle, dist, work)}")
    print(f"deb: {make_deb(bundle, dist, work)} (Depends: {depends})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

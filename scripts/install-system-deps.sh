#!/usr/bin/env bash
# Installs what Vitrine needs from the system, and only what is missing, so running it twice
# is cheap: Chromium (browser tests and parity), ffmpeg (video), redis-server (queue tests),
# and pnpm at the version pinned in package.json's "packageManager".
#
# Fonts are deliberately not installed: Vitrine ships and registers its own, and tests must
# not depend on system fonts.
#
# Debian/Ubuntu (apt-get). Runs as root, or through sudo when not root.
set -euo pipefail

PNPM_VERSION=10.34.9

say() { printf '[install-system-deps] %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    say "need root to run: $*  (run as root, or install sudo)" >&2
    return 1
  fi
}

# Debian package → a command it provides.
declare -A provides=(
  [chromium]=chromium
  [ffmpeg]=ffmpeg
  [redis-server]=redis-server
)

missing=()
for pkg in chromium ffmpeg redis-server; do
  if ! command -v "${provides[$pkg]}" >/dev/null 2>&1; then
    missing+=("$pkg")
  fi
done

# Unicode conformance files for tests/unicode (LineBreakTest, BidiTest, GraphemeBreakTest...).
if [ ! -f /usr/share/unicode/auxiliary/LineBreakTest.txt ]; then
  missing+=(unicode-data)
fi

if [ "${#missing[@]}" -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    say "missing ${missing[*]}, and apt-get is not available: install them with your system's package manager" >&2
    exit 1
  fi
  say "installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  say "chromium, ffmpeg and redis-server are present"
fi

# Node: the tools Vitrine builds and tests with (ESLint 10, Vite 8) need 20.19 or newer.
if ! command -v node >/dev/null 2>&1; then
  say "Node.js is not installed: install Node 20.19 or newer first" >&2
  exit 1
fi
if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'; then
  say "Node $(node --version) is too old: developing Vitrine needs 20.19 or newer" >&2
  exit 1
fi

# pnpm, pinned. corepack cannot verify pnpm's signature on some registries, so install it with npm.
current_pnpm="$(pnpm --version 2>/dev/null || true)"
if [ "$current_pnpm" != "$PNPM_VERSION" ]; then
  say "installing pnpm $PNPM_VERSION (found: ${current_pnpm:-none})"
  if [ "$(id -u)" -eq 0 ] || [ -w "$(npm prefix -g)/lib" ] 2>/dev/null; then
    npm install -g --no-fund --no-audit "pnpm@$PNPM_VERSION"
  else
    as_root npm install -g --no-fund --no-audit "pnpm@$PNPM_VERSION"
  fi
  hash -r
  if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
    say "pnpm on PATH is still not $PNPM_VERSION: $(command -v pnpm || echo 'not found'); put $(npm prefix -g)/bin first on PATH" >&2
    exit 1
  fi
else
  say "pnpm $PNPM_VERSION is present"
fi

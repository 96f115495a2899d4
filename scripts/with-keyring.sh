#!/bin/sh
# Run a command inside a private D-Bus session with a started, unlocked gnome-keyring, so that
# the Secret Service (the OS keychain on Linux) is reachable, e.g. for the keychain tests:
#
#   scripts/with-keyring.sh npx mocha test/session
#   scripts/with-keyring.sh npm test
#
# The keyring is a throw-away one in a temporary folder (never the user's own keyrings), created
# with a random password nobody needs to know. Everything is removed when the command ends; the
# command's exit status is returned (127 when the keyring could not be started, with the reason on
# stderr). Needs: dbus (dbus-run-session, dbus-send), gnome-keyring; libsecret-tools (secret-tool)
# is used, when present, to check that the keyring answers before the command runs.
set -u

die() {
  echo "with-keyring: $*" >&2
  exit 127
}

if [ "${ONEID_WITH_KEYRING_DIR:-}" = "" ]; then
  [ $# -gt 0 ] || die "usage: $0 COMMAND [ARGS...]"
  command -v dbus-run-session >/dev/null 2>&1 || die "dbus-run-session not found (apt-get install dbus)"
  command -v gnome-keyring-daemon >/dev/null 2>&1 || die "gnome-keyring-daemon not found (apt-get install gnome-keyring)"
  command -v dbus-send >/dev/null 2>&1 || die "dbus-send not found (apt-get install dbus)"
  dir=$(mktemp -d "${TMPDIR:-/tmp}/oneid-keyring.XXXXXX") || die "cannot create a temporary folder"
  trap 'rm -rf "$dir"' EXIT
  trap 'exit 130' INT TERM
  # dbus-daemon complains on stderr about file-descriptor limits when run as root in a container;
  # a wrapper keeps that noise out of the command's output.
  printf '#!/bin/sh\nexec dbus-daemon "$@" 2>/dev/null\n' >"$dir/dbus-daemon"
  chmod 700 "$dir/dbus-daemon"
  # No display in the private session: an unlock prompt can never pop up on the user's desktop,
  # so a locked keyring fails at once, the same on every machine.
  unset DISPLAY WAYLAND_DISPLAY
  ONEID_WITH_KEYRING_DIR="$dir" dbus-run-session --dbus-daemon="$dir/dbus-daemon" -- sh "$0" "$@"
  exit $?
fi

# Inside the private D-Bus session.
dir=$ONEID_WITH_KEYRING_DIR
unset ONEID_WITH_KEYRING_DIR
mkdir -m 700 "$dir/data" "$dir/run" || die "cannot prepare $dir"
password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')

# --unlock reads the password on stdin, creates the "login" keyring with it (the data folder is
# empty) and unlocks it. --foreground keeps the daemon our child, so it is stopped by PID at the end
# even if the bus outlives us; its control socket lands in $dir/run/keyring.
printf %s "$password" |
  XDG_DATA_HOME="$dir/data" XDG_RUNTIME_DIR="$dir/run" \
    gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
daemon=$!
trap 'kill "$daemon" 2>/dev/null' EXIT
trap 'exit 130' INT TERM
export GNOME_KEYRING_CONTROL="$dir/run/keyring"
# Ready when it owns org.freedesktop.secrets on the bus. (Asking earlier would make D-Bus activate
# a second, keyring-less daemon from /usr/share/dbus-1/services.)
owned() {
  dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'
}
tries=0
until owned; do
  tries=$((tries + 1))
  [ $tries -le 50 ] && kill -0 "$daemon" 2>/dev/null || die "gnome-keyring-daemon did not start"
  sleep 0.1
done

if command -v secret-tool >/dev/null 2>&1; then
  probe=with-keyring-$$
  printf ok | timeout 5 secret-tool store --label="oneid with-keyring probe" oneid-probe "$probe" 2>/dev/null &&
    [ "$(timeout 5 secret-tool lookup oneid-probe "$probe" 2>/dev/null)" = ok ] ||
    die "the Secret Service does not answer (secret-tool store/lookup failed)"
  timeout 5 secret-tool clear oneid-probe "$probe" 2>/dev/null
fi

unset password
"$@"
exit $?

#!/bin/sh
# "VS Code executable" for @vscode/test-electron's runTests(vscodeExecutablePath): runs the suite
# in code-server's real extension host instead of a desktop VS Code (none is installable here).
exec node "$(dirname "$0")/vscode-in-code-server.mjs" "$@"

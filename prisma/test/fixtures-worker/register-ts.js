/**
 * Lets a plain `node` child process load the workspace's TypeScript sources, as Jest does: each .ts
 * file is compiled by swc on require (same options as jest.config.js), and the workspace package
 * names point at their sources. Test-only; production runs the `tsc -b` output.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '../../..');
const SOURCES = {
  '@capi-relay/core': path.join(root, 'core/src/index.ts'),
  '@capi-relay/db': path.join(root, 'prisma/src/index.ts'),
};

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveWorkspaceSources(request, ...rest) {
  return resolveFilename.call(this, SOURCES[request] ?? request, ...rest);
};

Module._extensions['.ts'] = function compileTypeScript(module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};

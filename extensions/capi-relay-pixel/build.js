'use strict';
/**
 * Bundles the pixel into dist/main.js as Shopify CLI does for a web pixel extension (esbuild, one
 * self-contained script for the strict sandbox), so a build can be checked offline.
 */
const path = require('node:path');
const esbuild = require('esbuild');

const options = {
  entryPoints: [path.join(__dirname, 'src', 'index.ts')],
  bundle: true,
  format: 'iife',
  target: 'es2020',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
};

if (require.main === module) {
  esbuild.buildSync({ ...options, outfile: path.join(__dirname, 'dist', 'main.js') });
}

module.exports = { options };

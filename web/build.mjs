// Builds the web UI into dist/: index.html, app.js, app.css, leaflet's images
// and the Natural Earth country outlines (world-atlas TopoJSON). Everything the
// page loads comes from dist/; nothing is fetched from elsewhere at run time.
//
//   node build.mjs            production build (minified)
//   node build.mjs --dev      unminified, with source maps
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const dist = join(here, 'dist');
const dev = process.argv.includes('--dev');

rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, 'images'), { recursive: true });

await build({
  entryPoints: [join(here, 'src/app.js')],
  bundle: true,
  format: 'iife',
  target: ['chrome100', 'firefox100', 'safari15'],
  minify: !dev,
  sourcemap: dev,
  outfile: join(dist, 'app.js'),
  legalComments: 'linked',
  logLevel: 'warning',
});

// One stylesheet: Leaflet's CSS first (its url(images/…) stay valid next to
// dist/images/), then ours.
await build({
  entryPoints: [join(here, 'src/app.css')],
  bundle: true,
  minify: !dev,
  outfile: join(dist, 'app.css'),
  external: ['images/*'],
  logLevel: 'warning',
});

const leafletDir = dirname(require.resolve('leaflet/dist/leaflet.css'));
cpSync(join(leafletDir, 'images'), join(dist, 'images'), { recursive: true });

// Natural Earth 1:50m countries (land and borders at a scale that still reads
// when zoomed on one oblast).
const atlas = dirname(require.resolve('world-atlas/package.json'));
copyFileSync(join(atlas, 'countries-50m.json'), join(dist, 'countries-50m.json'));
copyFileSync(join(atlas, 'LICENSE'), join(dist, 'world-atlas.LICENSE.txt'));

const html = readFileSync(join(here, 'src/index.html'), 'utf8');
const version = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8')).version;
writeFileSync(join(dist, 'index.html'), html.replaceAll('%VERSION%', version));
console.log(`web: built ${dist}${dev ? ' (dev)' : ''}`);

#!/usr/bin/env node
/**
 * Lighthouse (npm `lighthouse` 12) in Debian's Chromium against a running shop: the home page and
 * a product page, with the mobile preset (Lighthouse's default: a mid-range phone, simulated
 * slow 4G and 4x CPU slowdown) and the desktop preset. Prints the performance and accessibility
 * scores of each, the median of --runs runs (default 3), and the exact command of each run.
 *
 *   npm run lighthouse                                   # http://127.0.0.1:18080 (MK_BASE_URL)
 *   npm run lighthouse -- --base http://127.0.0.1:8080 --runs 5 --json lighthouse.json
 *
 * CHROME_PATH picks the browser (default /usr/bin/chromium).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    base: { type: 'string', default: process.env.MK_BASE_URL ?? 'http://127.0.0.1:18080' },
    product: { type: 'string', default: '/p/pad-thai' },
    runs: { type: 'string', default: '3' },
    json: { type: 'string' },
  },
});

const base = values.base.replace(/\/+$/, '');
const runs = Math.max(1, Number(values.runs) || 1);
const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const bin = path.join(import.meta.dirname, '../node_modules/.bin/lighthouse');
const pages = [
  { name: 'home', url: `${base}/` },
  { name: 'product', url: `${base}${values.product}` },
];
const presets = ['mobile', 'desktop'];

function lighthouse(url, preset) {
  const args = [
    url,
    '--chrome-flags=--headless=new --no-sandbox',
    '--only-categories=performance,accessibility',
    '--output=json',
    '--quiet',
    ...(preset === 'desktop' ? ['--preset=desktop'] : []),
  ];
  const command = `CHROME_PATH=${chrome} lighthouse ${args.map((a) => (a.includes(' ') ? `"${a}"` : a)).join(' ')}`;
  const run = spawnSync(bin, args, {
    env: { ...process.env, CHROME_PATH: chrome },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) {
    throw new Error(`${command} failed (exit ${run.status}):\n${run.stderr}`);
  }
  const report = JSON.parse(run.stdout);
  if (report.runtimeError) throw new Error(`${command}: ${report.runtimeError.message}`);
  const audit = (id) => report.audits[id]?.numericValue ?? null;
  return {
    command,
    performance: Math.round(report.categories.performance.score * 100),
    accessibility: Math.round(report.categories.accessibility.score * 100),
    fcpMs: audit('first-contentful-paint'),
    lcpMs: audit('largest-contentful-paint'),
    tbtMs: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    warnings: report.runWarnings ?? [],
  };
}

const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const results = [];
for (const page of pages) {
  for (const preset of presets) {
    const samples = [];
    for (let i = 0; i < runs; i += 1) {
      const sample = lighthouse(page.url, preset);
      console.error(
        `${page.name} ${preset} run ${i + 1}: performance ${sample.performance}, accessibility ${sample.accessibility}`,
      );
      console.error(`  ${sample.command}`);
      for (const warning of sample.warnings) console.error(`  warning: ${warning}`);
      samples.push(sample);
    }
    results.push({
      page: page.name,
      url: page.url,
      preset,
      runs,
      performance: median(samples.map((s) => s.performance)),
      accessibility: median(samples.map((s) => s.accessibility)),
      fcpMs: median(samples.map((s) => s.fcpMs)),
      lcpMs: median(samples.map((s) => s.lcpMs)),
      tbtMs: median(samples.map((s) => s.tbtMs)),
      cls: median(samples.map((s) => s.cls)),
      samples: samples.map(({ performance, accessibility }) => ({ performance, accessibility })),
    });
  }
}

console.log(`| page | preset | performance | accessibility | FCP | LCP | TBT | CLS | runs (perf) |`);
console.log(`| --- | --- | --- | --- | --- | --- | --- | --- | --- |`);
for (const r of results) {
  const ms = (v) => (v === null ? '–' : `${(v / 1000).toFixed(1)} s`);
  console.log(
    `| ${r.page} (\`${new URL(r.url).pathname}\`) | ${r.preset} | ${r.performance} | ${r.accessibility} | ${ms(r.fcpMs)} | ${ms(r.lcpMs)} | ${Math.round(r.tbtMs ?? 0)} ms | ${(r.cls ?? 0).toFixed(3)} | ${r.samples.map((s) => s.performance).join(', ')} |`,
  );
}
if (values.json) writeFileSync(values.json, `${JSON.stringify(results, null, 2)}\n`);

// Fails when custom-elements.json, or the editor data made from it, is not what the analyzer makes
// of the current source.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const GENERATED = [
  'custom-elements.json',
  'vscode.html-custom-data.json',
  'vscode.css-custom-data.json',
  'web-types.json',
];

// The analyzer joins its outdir onto the working directory, so a relative folder it is.
const outdir = join('node_modules', '.cache', 'cem-check');
try {
  execFileSync('npx', ['cem', 'analyze'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, CEM_OUTDIR: outdir },
  });
  const stale = GENERATED.filter((file) => readFileSync(join(outdir, file), 'utf8') !== readFileSync(file, 'utf8'));
  if (stale.length > 0) {
    console.error(`${stale.join(', ')} stale: run \`npm run manifest\` and commit.`);
    process.exit(1);
  }
  console.log(`${GENERATED.join(', ')}: current.`);
} finally {
  rmSync(outdir, { recursive: true, force: true });
}

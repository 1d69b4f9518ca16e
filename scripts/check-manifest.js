// Fails when custom-elements.json is not what the analyzer makes of the current source.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// The analyzer joins its outdir onto the working directory, so a relative folder it is.
const outdir = join('node_modules', '.cache', 'cem-check');
try {
  execFileSync('npx', ['cem', 'analyze'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, CEM_OUTDIR: outdir },
  });
  const fresh = readFileSync(join(outdir, 'custom-elements.json'), 'utf8');
  const committed = readFileSync('custom-elements.json', 'utf8');
  if (fresh !== committed) {
    console.error('custom-elements.json is stale: run `npm run manifest` and commit it.');
    process.exit(1);
  }
  console.log('custom-elements.json is current.');
} finally {
  rmSync(outdir, { recursive: true, force: true });
}

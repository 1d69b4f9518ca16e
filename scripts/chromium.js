// The one Chromium every script and test drives: the OS's (Debian's package; browser downloads do
// not work on our machines), or CHROME_PATH, launched headless with what the machines need.
export const CHROMIUM_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

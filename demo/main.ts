import '../src/openhands-provider-settings.js';

const el = document.querySelector('openhands-provider-settings')!;
const log = document.querySelector('#log')!;

// The reference server's demo tenant uses this key (see server/README.md).
el.sessionKey = 'demo-session-key';

function note(text: string): void {
  const item = document.createElement('li');
  item.textContent = `${new Date().toLocaleTimeString()} ${text}`;
  log.prepend(item);
}

el.addEventListener('provider-settings-submit', (e) => note(`submit: ${e.providers.join(', ') || 'no providers'}`));
el.addEventListener('provider-settings-saved', (e) => note(`saved: ${e.message}; stored: ${e.storedProviders.join(', ')}`));
el.addEventListener('provider-settings-failed', (e) => note(`failed (${e.kind}, ${e.status}): ${e.message}`));

// Load what the server has stored, so stored tokens show as stored.
const response = await fetch('/api/settings', { headers: { 'X-Session-API-Key': 'demo-session-key' } });
if (response.ok) el.settings = await response.json();

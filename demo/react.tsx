/**
 * `/react.html` (`npm start`): the element in a React 19 app through `openhands-provider-settings/react`.
 * It loads the stored settings once, keeps them in state and passes them as a prop, and shows the
 * typed events in a log. Every event re-renders the app, which sets the same `settings` object
 * again: the element takes that as no change, so nothing a save stored is undone. Only a 200 is
 * passed on: a 404 says nothing about the stored tokens, and the element looks itself before saving.
 * The reference server's demo state answers on this origin; its session key is `demo-session-key`.
 */
import { StrictMode, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { OpenHandsProviderSettings, type OpenHandsProviderSettingsElement, type StoredSettings } from '../src/react.js';

const SESSION_KEY = 'demo-session-key';

function App() {
  const [settings, setSettings] = useState<StoredSettings | null>(null);
  const [dirty, setDirty] = useState(false);
  const [log, setLog] = useState<string[]>([]);
  const element = useRef<OpenHandsProviderSettingsElement>(null);
  const note = (line: string) => setLog((lines) => [...lines.slice(-19), line]);

  useEffect(() => {
    fetch('/api/settings', { headers: { 'X-Session-API-Key': SESSION_KEY } })
      .then(async (response) => {
        if (response.ok) setSettings((await response.json()) as StoredSettings);
        else note(`settings not loaded (HTTP ${response.status}): the element will look before it saves`);
      })
      .catch((error: unknown) => note(`could not load the settings: ${String(error)}`));
  }, []);

  return (
    <main style={{ maxWidth: '48rem', margin: '2rem auto', fontFamily: 'system-ui, sans-serif' }}>
      <h1>React 19</h1>
      <p>
        {dirty ? 'Unsaved changes.' : 'Everything is saved.'}{' '}
        <button type="button" onClick={() => element.current?.reset()} disabled={!dirty}>
          Discard (from React, through the ref)
        </button>
      </p>
      <OpenHandsProviderSettings
        ref={element}
        sessionKey={SESSION_KEY}
        settings={settings}
        onProviderSettingsChange={(e) => setDirty(e.dirty)}
        onProviderSettingsSubmit={(e) => note(`submit: ${e.providers.join(', ')}`)}
        onProviderSettingsSaved={(e) => {
          setDirty(false);
          note(`saved: ${e.message} (${e.stored.join(' and ')}; tokens stored: ${e.storedProviders.join(', ')})`);
        }}
        onProviderSettingsFailed={(e) =>
          note(
            `failed: ${e.kind} (HTTP ${e.status}), ${e.errorCount} field errors; stored: ${e.stored.join(', ') || 'nothing'}`,
          )
        }
      />
      <h2>Events</h2>
      <ol aria-live="polite">
        {log.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ol>
    </main>
  );
}

createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

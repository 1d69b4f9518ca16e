// Compile-time checks (`npm run typecheck`) of `openhands-provider-settings/jsx`: the raw tag in
// React 19 JSX takes the element's properties, typed, and its events as `on<event-name>` props.
// Not run: test/react/react.test.ts renders the raw tag and checks what React does with them.
import type {} from '../../src/jsx.js';
import type { OpenHandsProviderSettings } from '../../src/index.js';

export const typed = [
  <openhands-provider-settings
    key="a"
    baseUrl="https://h"
    sessionKey="k"
    providers={['github']}
    settings={{ provider_tokens_set: {}, mcp_config: null }}
    review
    autoload
    id="x"
    className="y"
    onprovider-settings-saved={(e) => e.storedProviders satisfies readonly string[]}
    onprovider-settings-failed={(e) => e.kind satisfies string}
    onprovider-settings-dirty={(e) => e.dirty satisfies boolean}
    ref={(el: OpenHandsProviderSettings | null) => void el?.submit()}
  />,
  // @ts-expect-error timeout is a number
  <openhands-provider-settings key="b" timeout="5" />,
  // @ts-expect-error the saved event has no `kind`
  <openhands-provider-settings key="c" onprovider-settings-saved={(e) => e.kind} />,
  // @ts-expect-error dirty is read only: not a prop
  <openhands-provider-settings key="d" dirty />,
];

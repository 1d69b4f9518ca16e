/** The reference server's controls for tests: server/control-client.ts, with a session key every test tenant shares. */
import { createTenant as create, type Tenant, type TenantOptions } from '../../server/control-client.js';

export {
  deleteTenant,
  requestsOf,
  scriptResponses,
  tenantState,
  type LoggedRequest,
  type ScriptedResponse,
  type Tenant,
  type TenantOptions,
} from '../../server/control-client.js';

export const SESSION_KEY = 'test-session-key-0123';

export function createTenant(options: TenantOptions = {}): Promise<Tenant> {
  return create({ sessionKey: SESSION_KEY, ...options });
}

/**
 * The demo's second language: every string of the element in German, typed against the full
 * `ProviderSettingsStrings` so a string added to the element fails the type check here until it
 * is translated. Messages the server sends stay as the server wrote them.
 */
import type { McpToolsStrings, NamedStrings, ProviderSettingsStrings } from '../src/index.js';

const kindName = { sse: 'SSE-Server', shttp: 'Streamable-HTTP-Server', stdio: 'Stdio-Server' } as const;

/** The import and export panel, complete too (the element's type lets a page leave entries out). */
const mcpToolsGerman: McpToolsStrings = {
  heading: 'MCP-Server importieren und exportieren',
  close: 'Schließen',
  importHeading: 'Importieren',
  importLabel: 'MCP-Server als JSON',
  importHint: 'Fügen Sie das JSON von Claude Desktop, Cursor, VS Code oder OpenHands ein, oder ziehen Sie es hierher.',
  fileLabel: 'Oder eine .json-Datei wählen',
  preview: 'Vorschau',
  found: (n, format) => `${n} Server gefunden (${format})`,
  formats: { mcpServers: 'Claude Desktop / Cursor', vscode: 'VS Code', openhands: 'OpenHands' },
  serverEntry: (kind, label) => `${kind} „${label}“`,
  note: (n) => {
    switch (n.code) {
      case 'type_became_shttp':
        return `Typ „${n.type}“ wurde zu einem Streamable-HTTP-Server.`;
      case 'type_guessed':
        return `Kein Typ angegeben: als ${n.kind === 'sse' ? 'SSE (die URL endet auf /sse)' : 'Streamable HTTP'} übernommen.`;
      case 'bearer_became_api_key':
        return 'Der Header „Authorization: Bearer“ wurde zum API-Schlüssel.';
      case 'header_dropped':
        return `Header „${n.header}“ wurde nicht übernommen: OpenHands sendet nur einen API-Schlüssel.`;
      case 'uses_variables':
        return 'Enthält ${…}-Variablen, die nur der Quell-Editor einsetzen kann: bitte ersetzen.';
      case 'command_split':
        return `Die Befehlszeile wurde in „${n.command}“ und ${n.args} Argument${n.args === 1 ? '' : 'e'} geteilt.`;
      case 'arg_became_text':
        return `Argument ${n.value} wurde zum Text „${n.value}“.`;
      case 'arg_dropped':
        return 'Ein Argument, das kein Text ist, wurde weggelassen.';
      case 'args_string_split':
        return 'Die Argumente, als ein Text angegeben, wurden wie von einer Shell geteilt.';
      case 'env_became_text':
        return `Variable „${n.key}“ wurde zum Text „${n.value}“.`;
      case 'env_dropped':
        return `Variable „${n.key}“ ist kein Text und wurde weggelassen.`;
      case 'name_changed':
        return `Der Name „${n.from}“ wurde zu „${n.to}“: OpenHands erlaubt Buchstaben, Ziffern, - und _.`;
      case 'field_dropped':
        return `„${n.field}“ wurde nicht übernommen: OpenHands kennt diese Einstellung nicht.`;
      case 'bare_url':
        return 'Aus einer bloßen URL wurde ein Server.';
      case 'secret_not_exported':
        return `„${n.field}“ kam ohne sein Geheimnis (der Platzhalter des Exports): ${n.kept ? 'ein für diesen Server gespeichertes bleibt, sonst bitte eingeben' : 'bitte eingeben'}.`;
    }
  },
  skippedHeading: 'Nicht importiert',
  skipped: (name, reason) => `„${name}“: ${reason}`,
  skipReason: (r) => {
    switch (r.code) {
      case 'not_object':
        return 'Kein Objekt.';
      case 'no_command':
        return 'Ein Stdio-Server ohne Befehl.';
      case 'no_url':
        return r.type === null ? 'Keine URL.' : `Ein „${r.type}“-Server ohne URL.`;
      case 'neither_command_nor_url':
        return 'Weder ein Befehl noch eine URL.';
      case 'unknown_type':
        return `Unbekannter Servertyp „${r.type}“.`;
    }
  },
  clash: (c) =>
    c.code === 'same_name'
      ? `Ein Stdio-Server namens „${c.name}“ ist schon im Formular.`
      : `Ein Server mit der URL ${c.url} ist schon im Formular.`,
  importNotAnObject: 'Erwartet wird ein JSON-Objekt mit MCP-Servern.',
  nothingFound:
    'Keine MCP-Server gefunden: erwartet werden „mcpServers“ (Claude Desktop, Cursor), „servers“ (VS Code) oder die OpenHands-Listen „sse_servers“, „shttp_servers“, „stdio_servers“.',
  addSelected: (n) => `${n} ausgewählte hinzufügen`,
  syntaxError: (line, column, message) => `Kein gültiges JSON in Zeile ${line}, Spalte ${column}: ${message}`,
  exportHeading: 'Exportieren',
  formatLabel: 'Format',
  formatOpenHands: 'OpenHands (mcp_config)',
  formatMcpServers: 'mcpServers (Claude Desktop, Cursor)',
  includeSecrets: 'Geheimnisse einschließen',
  exportLabel: 'Exportiertes JSON',
  copy: 'Kopieren',
  copied: 'Kopiert.',
  copyFailed: 'Kopieren ging nicht: Markieren Sie den Text und kopieren Sie ihn selbst.',
  download: 'Herunterladen',
  rawHeading: 'JSON direkt bearbeiten',
  rawWarning: 'Enthält Geheimnisse: API-Schlüssel und Umgebungsvariablen stehen hier im Klartext.',
  rawLabel: 'MCP-Konfiguration (OpenHands-JSON)',
  apply: 'Ins Formular übernehmen',
  notAnObject: 'Erwartet wird ein JSON-Objekt mit sse_servers, shttp_servers und stdio_servers.',
  applied: 'Ins Formular übernommen.',
};

const namedGerman: NamedStrings = {
  name: 'Name',
  auth: 'Anmeldung',
  authMethod: 'Verfahren',
  strategies: {
    none: 'Keine',
    api_key: 'API-Schlüssel',
    bearer: 'Bearer-Token',
    basic: 'Benutzername und Passwort',
    header: 'Geheime Header',
    oauth2: 'OAuth 2.0',
  },
  value: 'Schlüssel oder Token',
  headerName: 'Header',
  headerNameHint: 'Leer: als Bearer-Token gesendet.',
  username: 'Benutzername',
  password: 'Passwort',
  headers: 'Header',
  authHeaders: 'Geheime Header',
  headerKey: (list, i) => `${list}: Name von Header ${i + 1}`,
  headerValue: (list, i) => `${list}: Wert von Header ${i + 1}`,
  addHeader: 'Header hinzufügen',
  removeHeader: (list, i) => `Header ${i + 1} von ${list} entfernen`,
  noHeaders: 'Keine Header.',
  headerTaken: (name) => `Ein anderer Header heißt „${name}“: der Name wurde nicht geändert.`,
  enabled: 'Aktiv',
  stored: 'Gespeichert: zum Ersetzen tippen',
  oauth2Kept: 'Anderswo mit OAuth 2.0 eingerichtet; bleibt wie gespeichert.',
  test: 'Verbindung testen',
  testing: 'Wird getestet…',
  testResult: (r) => {
    switch (r.kind) {
      case 'ok':
        return `Verbunden: ${r.toolCount} Werkzeug${r.toolCount === 1 ? '' : 'e'}${r.tools.length ? ` (${r.tools.join(', ')})` : ''}.`;
      case 'failed':
        return `${r.category === 'connection' ? 'Keine Verbindung' : `Test fehlgeschlagen (${r.category})`}${r.serverText ? `: ${r.serverText}` : ''}.`;
      case 'needs-secrets':
        return 'Zum Testen die gespeicherten Geheimnisse erneut eingeben: maskiert werden sie nicht gesendet.';
      case 'needs-save':
        return 'Erst speichern: getestet wird der gespeicherte Server.';
      default:
        return `Der Test lief nicht: ${r.message}`;
    }
  },
};

export const germanStrings: ProviderSettingsStrings = {
  gitProvidersHeading: 'Git-Anbieter',
  gitProvidersIntro:
    'Tokens werden auf dem Server gespeichert und nie wieder angezeigt. Ein leeres Token behält das gespeicherte.',
  tokenLabel: 'Token',
  hostLabel: 'Host',
  storedBadge: 'Gespeichert',
  storedTokenHint: 'Das gespeicherte Token bleibt; ein neues eintippen, um es zu ersetzen.',
  showSecret: 'Zeigen',
  hideSecret: 'Verbergen',
  secretToggleLabel: (action, field) => `${field} ${action.toLowerCase()}`,
  bareDomainHint: 'Nur die Domain, ohne https:// und ohne Pfad. Leer lassen für den öffentlichen Dienst.',
  gitlabHostHint: 'Eine Domain, mit oder ohne https://. Leer lassen für gitlab.com.',
  bitbucketTokenHint: 'Ein Zugriffstoken oder ein API-Token in der Form E-Mail:API-Token.',
  bitbucketDcTokenHint: 'Ihr Benutzername und ein HTTP-Zugriffstoken in der Form Benutzername:Token.',
  removeStored: (p) => `Gespeichertes ${p}-Token entfernen`,
  confirmRemove: (p) => `Das gespeicherte ${p}-Token beim Speichern löschen?`,
  confirmRemoveYes: 'Beim Speichern löschen',
  confirmRemoveNo: 'Behalten',
  willBeRemoved: (p) => `Das gespeicherte ${p}-Token wird beim Speichern gelöscht.`,
  undoRemove: 'Rückgängig',
  clearProvider: (p) => `${p} leeren`,
  mcpHeading: 'MCP-Server',
  mcpIntro: 'Model-Context-Protocol-Server, die der Agent nutzen kann.',
  serverKindHeading: { sse: 'SSE-Server', shttp: 'Streamable-HTTP-Server', stdio: 'Stdio-Server' },
  serverKindEmpty: { sse: 'Keine SSE-Server.', shttp: 'Keine Streamable-HTTP-Server.', stdio: 'Keine Stdio-Server.' },
  addServer: {
    sse: 'SSE-Server hinzufügen',
    shttp: 'Streamable-HTTP-Server hinzufügen',
    stdio: 'Stdio-Server hinzufügen',
  },
  serverLabel: (kind, i) => `${kindName[kind]} ${i + 1}`,
  urlLabel: 'URL',
  apiKeyLabel: 'API-Schlüssel',
  nameLabel: 'Name',
  commandLabel: 'Befehl',
  commandHint: 'Ein einzelnes Programm ohne Leerzeichen; Parameter gehören in die Argumente.',
  argsLabel: 'Argumente',
  argLabel: (i) => `Argument ${i + 1}`,
  argsEmpty: 'Keine Argumente.',
  addArg: 'Argument hinzufügen',
  envLabel: 'Umgebungsvariablen',
  envKeyLabel: 'Name',
  envValueLabel: 'Wert',
  envRowLabel: (i) => `Variable ${i + 1}`,
  envKeyName: (i) => `Name der Variablen ${i + 1}`,
  envValueName: (i) => `Wert der Variablen ${i + 1}`,
  envEmpty: 'Keine Umgebungsvariablen.',
  addEnv: 'Variable hinzufügen',
  moveUp: (w) => `${w} nach oben`,
  moveDown: (w) => `${w} nach unten`,
  remove: (w) => `${w} entfernen`,
  moved: (w) => `Verschoben: jetzt ${w}.`,
  removed: (w) => `${w} entfernt.`,
  filterServers: 'Server filtern',
  filterCount: (shown, total) => `${shown} von ${total} Servern angezeigt`,
  save: 'Speichern',
  saving: 'Wird gespeichert…',
  reset: 'Änderungen verwerfen',
  saved: 'Gespeichert.',
  savedChangedSince: 'Gespeichert. Was während des Speicherns geändert wurde, ist noch nicht gespeichert.',
  errorSummaryHeading: (n) => (n === 1 ? 'Es gibt ein Problem' : `Es gibt ${n} Probleme`),
  showAllErrors: (n) => `Alle ${n} Probleme zeigen`,
  requestLocation: 'Anfrage',
  requestCharacterLocation: (n) => `Anfrage (Zeichen ${n})`,
  envVariableLocation: (key) => `Umgebungsvariable „${key}“`,
  keyLocation: 'Name',
  providerKeyLocation: (p) => `${p} (der Anbieter selbst)`,
  itemLocation: (i) => `Eintrag ${i + 1}`,
  dismissSummary: 'Problemliste schließen',
  dismissStatus: 'Schließen',
  messages: {
    url_empty: 'Die URL darf nicht leer sein',
    url_no_scheme: 'Die URL braucht ein Schema (http:// oder https://)',
    url_no_host: 'Die URL braucht eine gültige Domain',
    url_bad_scheme: 'Das Schema der URL muss http, https, ws oder wss sein',
    name_empty: 'Der Servername darf nicht leer sein',
    name_invalid: 'Der Servername darf nur Buchstaben, Ziffern, Binde- und Unterstriche enthalten',
    command_empty: 'Der Befehl darf nicht leer sein',
    command_has_space: 'Der Befehl ist ein einzelnes Programm ohne Leerzeichen (Parameter in die Argumente)',
    required: 'Pflichtfeld',
    not_string: 'Muss ein Text sein',
    not_object: 'Muss ein Objekt sein',
    not_list: 'Muss eine Liste sein',
    unknown_key: 'Unbekannter Eintrag',
    invalid: 'Ungültiger Wert',
    token_required_for_host: 'Bitte ein Token eingeben: der Server speichert keinen Host ohne Token',
    host_bare_domain: 'Nur die Domain, z. B. {example}',
    bitbucket_token_format:
      'E-Mail:API-Token (auf beiden Seiten des Doppelpunkts etwas) oder ein Zugriffstoken ohne Doppelpunkt eingeben',
    env_key_empty: 'Bitte einen Variablennamen eingeben',
    env_key_duplicate: 'Diese Variable ist weiter oben schon gesetzt',
    name_taken: 'Ein anderer MCP-Server hat diesen Namen: auf diesem Server unterscheidet der Name die Server.',
    name_stored_meanwhile:
      'Ein Server dieses Namens wurde inzwischen gespeichert, nicht aus diesem Formular: einen anderen Namen wählen oder die gespeicherten Server neu laden.',
    server_removed_meanwhile:
      'Dieser Server wurde inzwischen entfernt, nicht aus diesem Formular: vor dem Ändern die gespeicherten Server neu laden.',
    header_name_empty: 'Bitte einen Header-Namen eingeben oder den Header entfernen.',
    secret_to_new_host:
      'Dieser Server zeigt jetzt auf einen anderen Host: dieses Geheimnis bitte neu eingeben, um es dorthin zu senden, oder den alten Host behalten.',
    auth_value_empty: 'Bitte den Schlüssel oder das Token eingeben oder eine andere Methode wählen.',
    auth_username_empty: 'Bitte einen Benutzernamen eingeben oder eine andere Methode wählen.',
    auth_password_empty: 'Bitte ein Passwort eingeben oder eine andere Methode wählen.',
    auth_headers_empty: 'Bitte einen geheimen Header hinzufügen oder eine andere Methode wählen.',
    secret_not_stored:
      'Dieses Geheimnis bitte neu eingeben: der Server hat unter diesem Namen keinen Wert dafür, und ein maskierter Wert kann nicht gesendet werden.',
    secret_would_be_erased:
      'Dieses Geheimnis bitte neu eingeben: dieses Speichern legt die MCP-Server neu an, und dieser Server würde ein maskiert zurückgesendetes Geheimnis löschen.',
    secret_lost:
      'Der Server hat dieses gespeicherte Geheimnis beim Speichern der MCP-Server nicht behalten: bitte neu eingeben und speichern.',
    host_needs_token:
      'Um den Host eines gespeicherten Tokens auf diesem Server zu ändern, das Token neu eingeben: der Server speichert den Host mit dem Token, und das Token kann nicht zurückgelesen werden.',
  },
  failure: {
    network:
      'Der Server ist nicht erreichbar: Basis-URL und Verbindung prüfen. Ein Serverfehler ohne CORS-Header sieht für die Seite genauso aus.',
    timeout: (s) => `Der Server hat nicht innerhalb von ${s} Sekunden geantwortet.`,
    rateLimited: 'Der Server erhält zu viele Anfragen (HTTP 429). Bitte kurz warten und erneut versuchen.',
    unauthorized: 'Der Sitzungsschlüssel fehlt oder wurde nicht akzeptiert.',
    server: (status) => `Der Server hat mit HTTP ${status} geantwortet.`,
    refused: 'Nichts gesendet: Basis-URL oder Sitzungsschlüssel sind so nicht verwendbar.',
    unknown:
      'Der Server hat geantwortet, aber nicht wie OpenHands: Es ist nicht bekannt, dass etwas gespeichert wurde.',
    noSettings:
      'MCP-Server lassen sich speichern, sobald dieser OpenHands-Server Einstellungen hat (zuerst das LLM in OpenHands einrichten).',
    mcpNotSaved: 'Die Git-Tokens wurden gespeichert, die MCP-Server nicht; Ihre Änderungen daran bleiben erhalten.',
  },
  review: {
    heading: 'Beim Speichern wird',
    save: 'Diese Änderungen speichern',
    back: 'Zurück zum Bearbeiten',
    nothingToSave: 'Nichts zu speichern.',
    tokenAdded: (p) => `ein neues ${p}-Token gespeichert`,
    tokenReplaced: (p) => `das gespeicherte ${p}-Token ersetzt`,
    tokenRemoved: (p) => `das gespeicherte ${p}-Token gelöscht`,
    hostChanged: (p, from, to) => `der ${p}-Host von ${from ?? 'Standard'} zu ${to ?? 'Standard'} geändert`,
    hostDropped: (p) => `der ${p}-Host nicht behalten: ohne Token verwirft ihn der Server`,
    serverAdded: (kind, label) => `der ${kind} „${label}“ hinzugefügt`,
    serverRemoved: (kind, label) => `der ${kind} „${label}“ entfernt`,
    serverChanged: (kind, label, fields) => `beim ${kind} „${label}“ ${fields.join(', ')} geändert`,
    serverKind: kindName,
    tokensPart: 'Git-Tokens (die erste Anfrage speichert sie)',
    mcpPart: 'MCP-Server (eine zweite Anfrage speichert sie in den Einstellungen des Servers)',
    replaceHeading: 'Alle gespeicherten Git-Tokens ersetzen?',
    replaceText:
      'Dieser OpenHands-Server hat noch keine Einstellungen, daher sieht das Formular nicht, welche Git-Tokens er speichert. Speichern ersetzt sie alle durch die Tokens dieses Formulars: ein früher gespeichertes, hier nicht eingegebenes Token wird gelöscht.',
    replaceConfirm: 'Gespeicherte Tokens ersetzen',
  },
  loading: 'Gespeicherte Einstellungen werden geladen…',
  tokensUnknown:
    'Welche Tokens dieser Server speichert, ist noch nicht geladen: Speichern sieht zuerst nach, damit kein gespeichertes Token gelöscht wird.',
  tokensUnseen:
    'Dieser Server hat keine Einstellungen, daher sind seine gespeicherten Tokens nicht zu sehen: Speichern fragt, bevor es sie ersetzt.',
  loadFailed: 'Die gespeicherten Einstellungen konnten nicht geladen werden, Speichern ist deshalb aus.',
  retryLoad: 'Erneut versuchen',
  importExport: 'Importieren / exportieren',
  mcpTools: mcpToolsGerman,
  named: namedGerman,
};

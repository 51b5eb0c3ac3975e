// The host's half of the setup (protocol.ts, step 3): accept one `connect`, only from the window that
// frames this page and only when it is the app origin this page was opened for.
import { isConnectMessage } from './protocol.js';

/**
 * The app origin this host page serves: `?app=<origin>`, which must also be the origin of the framing
 * document as the browser reports it (location.ancestorOrigins where supported). Undefined when they
 * disagree or the page is not framed: such a host never connects.
 */
export function expectedAppOrigin(win: Window): string | undefined {
  if (win.parent === win) return undefined;
  const named = new URL(win.location.href).searchParams.get('app');
  if (!named) return undefined;
  let origin: string;
  try {
    origin = new URL(named).origin;
  } catch {
    return undefined;
  }
  if (origin === 'null' || origin !== named.replace(/\/$/, '')) return undefined;
  const ancestors = win.location.ancestorOrigins as DOMStringList | undefined;
  if (ancestors && ancestors.length > 0 && ancestors[0] !== origin) return undefined;
  return origin;
}

/** Resolves with the port of the first valid `connect` from `win.parent` posted by `appOrigin`. */
export function acceptConnect(win: Window, appOrigin: string): Promise<MessagePort> {
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent): void => {
      const port = event.ports[0];
      if (event.source !== win.parent || event.origin !== appOrigin) return;
      if (!isConnectMessage(event.data) || !port) return;
      win.removeEventListener('message', onMessage);
      resolve(port);
    };
    win.addEventListener('message', onMessage);
  });
}

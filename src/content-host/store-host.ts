// The content host's store role: receives an imported package's files from the app over the port and
// keeps them in the content origin's own database, where its service worker serves them
// (src/serve/content-sw.ts). Nothing here reads or writes anything of the app's origin.
import {
  hasContentPackage,
  openContentDb,
  putContentPackage,
  type ContentDatabase,
} from '../serve/content-store.js';
import { isAppToStore, type AppToStore, type StoreToApp } from './store-protocol.js';

export class StoreHost {
  private db: Promise<ContentDatabase> | undefined;

  constructor(
    private readonly port: MessagePort,
    private readonly dbName?: string,
  ) {}

  /** `worker`: whether the content service worker could be registered here. */
  start(worker: boolean): void {
    // Opened now, while the app gets the files ready: its first request finds the database open.
    this.db = openContentDb(this.dbName);
    this.db.catch(() => undefined); // a failure answers each request (handle)
    this.port.onmessage = (event: MessageEvent) => {
      if (isAppToStore(event.data)) void this.handle(event.data);
    };
    this.post({ type: 'ready', worker });
  }

  private post(message: StoreToApp): void {
    this.port.postMessage(message);
  }

  private async handle(request: AppToStore): Promise<void> {
    try {
      this.db ??= openContentDb(this.dbName);
      const db = await this.db;
      if (request.type === 'put')
        await putContentPackage(db, request.packageId, request.version, request.files);
      const present = await hasContentPackage(db, request.packageId, request.version);
      this.post({ type: 'done', id: request.id, present });
    } catch (error) {
      this.post({
        type: 'failed',
        id: request.id,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
}

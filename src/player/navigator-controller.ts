// The seam between the DOM-free Navigator and a component (style.md: a ReactiveController subscribes to
// the engine and asks the host to update). `revision` changes on every navigator change, so the host can
// recompute derived views (TOC states, toolbar validity) only when something moved.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LegacyNavigator as Navigator } from '../sequencing/simple-navigator.js';

export class NavigatorController implements ReactiveController {
  navigator: Navigator | undefined;
  revision = 0;
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  set(navigator: Navigator | undefined): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.navigator = navigator;
    this.revision++;
    if (navigator) this.subscribe();
    this.host.requestUpdate();
  }

  private subscribe(): void {
    this.unsubscribe = this.navigator?.subscribe(() => {
      this.revision++;
      this.host.requestUpdate();
    });
  }

  hostConnected(): void {
    if (this.navigator && !this.unsubscribe) this.subscribe();
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}

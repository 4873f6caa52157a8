// "Offline" is shown when the browser says so or when a request could not reach the gateway at all;
// it clears on the browser's "online" event or the next request that gets an answer.
import { signal } from '@preact/signals';

export const offline = signal(typeof navigator !== 'undefined' && navigator.onLine === false);

export function reportUnreachable(): void {
  offline.value = true;
}

export function reportReachable(): void {
  offline.value = false;
}

export function watchConnectivity(target: Pick<Window, 'addEventListener'> = window): void {
  target.addEventListener('online', reportReachable);
  target.addEventListener('offline', reportUnreachable);
}

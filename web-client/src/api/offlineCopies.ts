// The service worker (public/sw.js) keeps the last GET answers so the shell shows them offline. They are
// personal data on this device: they are forgotten at sign-out and whenever the session has ended.
export const OFFLINE_COPY_HEADER = 'X-Civic-Offline-Copy';

export function registerServiceWorker(container: ServiceWorkerContainer | undefined = navigator.serviceWorker): void {
  if (!container) return;
  container.register('/sw.js').catch(() => {
    // no offline shell (private mode, an old browser): the app works online as before
  });
}

export async function forgetOfflineCopies(
  container: ServiceWorkerContainer | undefined = typeof navigator === 'undefined' ? undefined : navigator.serviceWorker,
  storage: CacheStorage | undefined = typeof caches === 'undefined' ? undefined : caches,
): Promise<void> {
  container?.controller?.postMessage('forget');
  // the page can delete the cache itself too (same origin), in case no worker controls it yet
  await storage?.delete('civic-data-v1').catch(() => false);
}

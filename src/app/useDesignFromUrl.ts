/** Opens the design named in the address bar on start-up and when the user goes back or forward. */
import { useEffect } from 'react';
import { openFromUrl } from './navigation.ts';

export function useDesignFromUrl(): void {
  useEffect(() => {
    void openFromUrl();
    const onPopState = () => void openFromUrl();
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);
}

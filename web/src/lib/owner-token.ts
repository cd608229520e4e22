const KEY = 'fedcat-owner-token';

/** The data owner's API token for this browser tab (sessionStorage: gone when the tab closes, never sent elsewhere). */
export function ownerToken(): string | null {
  try { return sessionStorage.getItem(KEY); } catch { return null; }
}

export function setOwnerToken(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(KEY, token);
    else sessionStorage.removeItem(KEY);
  } catch { /* storage blocked: the token lives as long as the page */ }
}

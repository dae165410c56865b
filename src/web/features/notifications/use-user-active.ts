import { useEffect, useState } from 'react';

const EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Whether the user has touched the page within `idleMs`. Every request renews the session on the
 * server, so a poll that ran on its own would keep an unattended session alive past its idle
 * limit; polls run only while this is true.
 */
export function useUserActive(idleMs: number): boolean {
  const [active, setActive] = useState(true);
  useEffect(() => {
    let last = Date.now();
    let current = true;
    const seen = () => {
      last = Date.now();
      if (!current) {
        current = true;
        setActive(true);
      }
    };
    const check = window.setInterval(() => {
      if (current && Date.now() - last > idleMs) {
        current = false;
        setActive(false);
      }
    }, Math.min(idleMs, 15_000));
    for (const e of EVENTS) window.addEventListener(e, seen, { passive: true });
    return () => {
      window.clearInterval(check);
      for (const e of EVENTS) window.removeEventListener(e, seen);
    };
  }, [idleMs]);
  return active;
}
